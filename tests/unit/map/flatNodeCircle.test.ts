import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The flat circle program must feed the GPU exactly what sigma's instanced one does, corner by
 * corner: the same shaders, and for each of a node's three corners the node's values followed by
 * that corner's angle. (That it draws, and without instancing, is checked in the browser suite.)
 */
type Circle = typeof import('sigma/rendering').NodeCircleProgram;
type Flat = typeof import('../../../src/ui/map/flatNodeCircle').FlatNodeCircleProgram;
let NodeCircleProgram: Circle;
let FlatNodeCircleProgram: Flat;

beforeAll(async () => {
  // Sigma's programs read WebGL's constants as they load; Node has none.
  const constants = { FLOAT: 5126, UNSIGNED_BYTE: 5121, TRIANGLES: 4, POINTS: 0, LINES: 1 };
  const scope = globalThis as Record<string, unknown>;
  scope.WebGLRenderingContext ??= constants;
  scope.WebGL2RenderingContext ??= class {};
  ({ NodeCircleProgram } = await import('sigma/rendering'));
  ({ FlatNodeCircleProgram } = await import('../../../src/ui/map/flatNodeCircle'));
});

describe('FlatNodeCircleProgram', () => {
  it("is sigma's circle program with the corner angle moved from constant data into each vertex", () => {
    const instanced = NodeCircleProgram.prototype.getDefinition();
    const flat = FlatNodeCircleProgram.prototype.getDefinition();
    // Sigma instances any program whose definition has the key at all.
    expect('CONSTANT_ATTRIBUTES' in flat).toBe(false);
    expect('CONSTANT_DATA' in flat).toBe(false);
    expect(flat.VERTEX_SHADER_SOURCE).toBe(instanced.VERTEX_SHADER_SOURCE);
    expect(flat.FRAGMENT_SHADER_SOURCE).toBe(instanced.FRAGMENT_SHADER_SOURCE);
    expect(flat.UNIFORMS).toEqual(instanced.UNIFORMS);
    expect([flat.VERTICES, flat.METHOD]).toEqual([instanced.VERTICES, instanced.METHOD]);
    expect(flat.ATTRIBUTES).toEqual([...instanced.ATTRIBUTES, ...instanced.CONSTANT_ATTRIBUTES]);
  });

  it("writes each node's three corners as sigma's instance values followed by that corner's angle", () => {
    const { CONSTANT_DATA } = NodeCircleProgram.prototype.getDefinition();
    const nodes = [
      { x: 0.25, y: -3.5, size: 7, color: '#0072b2', hidden: false },
      { x: 1e6, y: 2, size: 0.5, color: 'rgba(213, 94, 0, 0.4)', hidden: false },
    ];
    const perNode = 5;
    const perCorner = perNode + 1;
    const instance = { array: new Float32Array(nodes.length * perNode) };
    const flat = { array: new Float32Array(nodes.length * 3 * perCorner).fill(Number.NaN) };
    nodes.forEach((node, i) => {
      NodeCircleProgram.prototype.processVisibleItem.call(instance as never, 40 + i, i * perNode, node as never);
      FlatNodeCircleProgram.prototype.processVisibleItem.call(flat as never, 40 + i, i * 3 * perCorner, node as never);
    });
    nodes.forEach((_, i) => {
      const values = [...instance.array.slice(i * perNode, (i + 1) * perNode)];
      for (let corner = 0; corner < 3; corner++) {
        const at = (i * 3 + corner) * perCorner;
        expect([...flat.array.slice(at, at + perCorner)]).toEqual([...values, Math.fround(CONSTANT_DATA[corner]![0]!)]);
      }
    });
  });
});
