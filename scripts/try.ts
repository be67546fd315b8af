import { runPipeline } from '../src/pipeline.js';
const r = runPipeline(process.argv[2] ?? 'inventory');
console.log(JSON.stringify(r.inputErrors, null, 1));
if (r.model) { const s = r.model.sites[0]!; console.log(s.devices.length, s.cables.length); console.log(JSON.stringify(s.devices.find(d=>d.name===process.argv[3]??'leaf1a'), null, 1).slice(0, 6000)); }
