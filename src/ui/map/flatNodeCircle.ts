import type { Attributes } from 'graphology-types';
import { NodeCircleProgram, NodeProgram } from 'sigma/rendering';
import type { ProgramDefinition, ProgramInfo } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';

type CircleUniform = 'u_sizeRatio' | 'u_correctionRatio' | 'u_matrix';

/** a_position (2), a_size, a_color (4 bytes in one float), a_id (likewise), then a_angle. */
const ITEMS_PER_CORNER = 6;
/** What sigma's circle program writes once per node: every item above but the angle. */
const ITEMS_PER_NODE = 5;
const CORNER_ANGLES = [NodeCircleProgram.ANGLE_1, NodeCircleProgram.ANGLE_2, NodeCircleProgram.ANGLE_3];
const circle = NodeCircleProgram.prototype;

/**
 * Sigma's circle program (its shaders, uniforms and triangle around each disc), drawn without
 * instancing: each node writes its three corners into the vertex buffer, and one `drawArrays` draws
 * them all.
 *
 * Why: software WebGL (SwiftShader, which a machine without a GPU uses) pays per instance. On a
 * bare page, 841 instanced triangles made 27–38% of frames miss the 16.7 ms interval; the same
 * triangles as plain vertices, 1%. Panning H2020's community overview (841 discs), the share of
 * frames within one interval went from 17–29% to 41–52% (the app before and after, alternating
 * runs). The price is a node buffer three times as large (18 floats a node), small next to the
 * ties'.
 *
 * Sigma ships only the instanced version. This one reads sigma's definition (NodeCircleProgram,
 * sigma 3.0) and moves the per-corner angle from its constant data into each vertex.
 */
export class FlatNodeCircleProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodeProgram<CircleUniform, N, E, G> {
  getDefinition(): ProgramDefinition<CircleUniform> {
    const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _angles, ...plain } = circle.getDefinition.call(this);
    // Sigma instances a program whose definition has CONSTANT_ATTRIBUTES at all, so the key goes.
    return { ...plain, ATTRIBUTES: [...plain.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    // Sigma's own program writes the node's values at the first corner; they are then spread.
    circle.processVisibleItem.call(this, nodeIndex, startIndex, data);
    const array = this.array;
    for (let corner = CORNER_ANGLES.length - 1; corner >= 0; corner--) {
      const at = startIndex + corner * ITEMS_PER_CORNER;
      if (corner > 0) array.copyWithin(at, startIndex, startIndex + ITEMS_PER_NODE);
      array[at + ITEMS_PER_NODE] = CORNER_ANGLES[corner]!;
    }
  }

  setUniforms(params: RenderParams, info: ProgramInfo<CircleUniform>): void {
    circle.setUniforms.call(this, params, info);
  }
}
