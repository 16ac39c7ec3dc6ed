/** graphology-gexf's writer on its own: the package's entry points also load a DOM parser
 * (xmldom in Node, the global DOMParser in the browser build), which writing does not need. */
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf';
  const writeGexf: typeof write;
  export default writeGexf;
}
