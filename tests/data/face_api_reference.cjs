// SPDX-License-Identifier: MIT
// Makes face_api_reference.json: the faces @vladmandic/face-api 1.7.15 itself finds on its six demo photos
// with its tiny face detector (inputSize 416, scoreThreshold 0.5), run on the pure-JS CPU backend of
// @tensorflow/tfjs 4.22.0 (pixels decoded by jpeg-js, ours by libjpeg: scores then differ by ~0.005 and
// boxes by under a pixel, hence the test's tolerances). Not part of the build or of CI (which cannot run it offline); kept to show how
// the reference was made. Run from a folder where these were installed:
//   npm install @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 @vladmandic/face-api@1.7.15 jpeg-js@0.4.4
//   node face_api_reference.cjs <face-api package folder> > face_api_reference.json
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const fs = require('fs');
const path = require('path');

async function main() {
const pkg = process.argv[2];
await faceapi.tf.setBackend('cpu');
const load = (name) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', `${name}-weights_manifest.json`)));
  const bin = fs.readFileSync(path.join(pkg, 'model', manifest[0].paths[0]));
  const buf = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return faceapi.tf.io.decodeWeights(buf, manifest[0].weights);
};
await faceapi.nets.tinyFaceDetector.loadFromWeightMap(load('tiny_face_detector_model'));
const out = {};
for (let i = 1; i <= 6; ++i) {
  const file = `sample${i}.jpg`;
  const img = jpeg.decode(fs.readFileSync(path.join(pkg, 'demo', file)), { useTArray: true, formatAsRGBA: false });
  const t = faceapi.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  const dets = await faceapi.detectAllFaces(t, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
  out[file] = dets.map((d) => ({ score: +d.score.toFixed(4), x: +d.box.x.toFixed(1), y: +d.box.y.toFixed(1),
    w: +d.box.width.toFixed(1), h: +d.box.height.toFixed(1) }));
  t.dispose();
}
console.log(JSON.stringify(out, null, 1));
}
main();
