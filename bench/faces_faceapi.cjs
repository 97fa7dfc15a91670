// SPDX-License-Identifier: MIT
// face-api's side of bench/faces_vs_faceapi.sh (issue 14's speed row): @vladmandic/face-api 1.7.15 on
// @tensorflow/tfjs-backend-wasm 4.22.0 in Node (one thread there; SIMD when the CPU has it), the same work as
// `dlcli faces --repeat [--model ssd]`: detectAllFaces(tiny: inputSize 416, score 0.5 | ssd: minConfidence
// 0.5).withFaceLandmarks().withFaceDescriptors() on pixels already decoded (the .rgb files build/tests/dump_rgb writes, so that both
// sides see the same pixels and find the same faces). One warm-up pass, then REPS timed passes per photo.
// usage: NODE_PATH=<node_modules> node faces_faceapi.cjs <face-api package folder> <folder of sampleN.rgb> REPS [tiny|ssd]
// prints one JSON line: {"backend", "simd", "threads", "photos": [{"image", "faces", "median_seconds"}]}
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const fs = require('fs');
const path = require('path');

async function main() {
  const [pkg, rgbDir, repsArg, detector = 'tiny'] = process.argv.slice(2);
  const reps = Number(repsArg || 5);
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  const load = (name) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', `${name}-weights_manifest.json`)));
    const bin = fs.readFileSync(path.join(pkg, 'model', manifest[0].paths[0]));
    return faceapi.tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest[0].weights);
  };
  if (detector === 'ssd') await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(load('ssd_mobilenetv1_model'));
  else await faceapi.nets.tinyFaceDetector.loadFromWeightMap(load('tiny_face_detector_model'));
  await faceapi.nets.faceLandmark68Net.loadFromWeightMap(load('face_landmark_68_model'));
  await faceapi.nets.faceRecognitionNet.loadFromWeightMap(load('face_recognition_model'));
  const options = detector === 'ssd' ? new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 })
    : new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  const photos = [];
  for (const file of fs.readdirSync(rgbDir).filter((f) => f.endsWith('.rgb')).sort()) {
    const raw = fs.readFileSync(path.join(rgbDir, file));
    const nl = raw.indexOf(10);
    const [w, h] = raw.slice(0, nl).toString().split(' ').map(Number);
    const t = faceapi.tf.tensor3d(new Int32Array(raw.slice(nl + 1)), [h, w, 3], 'int32');
    const run = () => faceapi.detectAllFaces(t, options).withFaceLandmarks().withFaceDescriptors();
    const faces = (await run()).length; // warm-up: the wasm kernels and their buffers
    const times = [];
    for (let r = 0; r < reps; ++r) {
      const t0 = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    t.dispose();
    times.sort((a, b) => a - b);
    photos.push({ image: file.replace(/\.rgb$/, '.jpg'), faces, median_seconds: times[Math.floor(times.length / 2)] });
  }
  const env = faceapi.tf.env();
  console.log(JSON.stringify({
    backend: faceapi.tf.getBackend(),
    simd: env.getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: env.getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'multi' : 1,
    photos,
  }));
}
main();
