/** Node size on screen from the number of partners (degree): area grows with partners, so the
 * radius grows with the square root; isolates stay visible. */
export function nodeSizeForDegree(degree: number): number {
  return 3 + 2.2 * Math.sqrt(degree);
}
