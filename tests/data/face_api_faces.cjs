// SPDX-License-Identifier: MIT
// Makes face_api_faces.json: what @vladmandic/face-api 1.7.15 itself computes on its six demo photos with its
// tiny face detector (inputSize 416, scoreThreshold 0.5), 68-point landmark net and face recognition net
// (detectAllFaces(...).withFaceLandmarks().withFaceDescriptors()), on the pure-JS CPU backend of
// @tensorflow/tfjs 4.22.0 — fed the pixels OpenCV 4.6 decodes (Debian 12's libjpeg-turbo), the ones our
// tests decode, so that both sides see the same numbers (face-api's own jpeg-js decodes differently).
// Per face: the detection box and score; the crop the landmark net saw, face-api's alignedRect, and the crop
// the recognition net saw (dlib alignment, as face-api 1.7.15's ComputeAllFaceDescriptorsTask asks for), each
// as extractFaceTensors cuts it (box for the image size, clipped at the borders, floored); the 68 landmarks
// in photo pixels; the 128-D descriptor. Not part of the build or of CI (which cannot run it offline); kept to
// show how the reference was made. Run from a folder where these were installed:
//   npm install @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 @vladmandic/face-api@1.7.15
//   build/tests/dump_rgb models/face-api/sampleN.jpg sampleN.rgb   (N = 1..6; "W H\n" then RGB bytes)
//   node face_api_faces.cjs <face-api package folder> <folder of the .rgb files> > face_api_faces.json
// With a third argument `ssd`, the SSD MobileNet v1 detector instead of the tiny one (SsdMobilenetv1Options
// defaults: minConfidence 0.5, maxResults 100), the same fields:
//   node face_api_faces.cjs <face-api package folder> <folder of the .rgb files> ssd > face_api_ssd.json
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const fs = require('fs');
const path = require('path');

async function main() {
  const pkg = process.argv[2], rgbDir = process.argv[3], ssd = process.argv[4] === 'ssd';
  await faceapi.tf.setBackend('cpu');
  const load = (name) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', `${name}-weights_manifest.json`)));
    const bin = fs.readFileSync(path.join(pkg, 'model', manifest[0].paths[0]));
    return faceapi.tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest[0].weights);
  };
  if (ssd) await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(load('ssd_mobilenetv1_model'));
  else await faceapi.nets.tinyFaceDetector.loadFromWeightMap(load('tiny_face_detector_model'));
  const options = ssd ? new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 })
    : new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  await faceapi.nets.faceLandmark68Net.loadFromWeightMap(load('face_landmark_68_model'));
  await faceapi.nets.faceRecognitionNet.loadFromWeightMap(load('face_recognition_model'));
  const out = {};
  const crop = (det, w, h) => { const b = det.forSize(w, h).box.clipAtImageBorders(w, h); return [b.x, b.y, b.width, b.height]; };
  const r2 = (v) => +v.toFixed(2);
  for (let i = 1; i <= 6; ++i) {
    const raw = fs.readFileSync(path.join(rgbDir, `sample${i}.rgb`));
    const nl = raw.indexOf(10);
    const [w, h] = raw.slice(0, nl).toString().split(' ').map(Number);
    const t = faceapi.tf.tensor3d(new Int32Array(raw.slice(nl + 1)), [h, w, 3], 'int32');
    const faces = await faceapi.detectAllFaces(t, options).withFaceLandmarks().withFaceDescriptors();
    out[`sample${i}.jpg`] = faces.map((f) => ({
      score: +f.detection.score.toFixed(5),
      box: [f.detection.box.x, f.detection.box.y, f.detection.box.width, f.detection.box.height], // unrounded: crops floor it
      landmark_crop: crop(f.detection, w, h),
      aligned_crop: crop(f.alignedRect, w, h), // alignedRect: the landmarks' box grown 10 % per side
      // what withFaceDescriptors() crops: landmarks.align(null, { useDlibAlignment: true }), a Rect
      descriptor_crop: (() => { const b = f.landmarks.align(null, { useDlibAlignment: true }).clipAtImageBorders(w, h); return [b.x, b.y, b.width, b.height]; })(),
      landmarks: f.landmarks.positions.map((p) => [r2(p.x), r2(p.y)]),
      descriptor: Array.from(f.descriptor).map((v) => +v.toFixed(6)),
    }));
    t.dispose();
  }
  console.log(JSON.stringify(out));
}
main();
