// SPDX-License-Identifier: MIT
// The OpenCV DNN program equivalent to `dlcli detect IMAGE --model CFG:WEIGHTS --json` (bench only, built by
// bench/detection_vs_opencv.sh; not part of the app): read the photo, readNetFromDarknet, blobFromImage
// (1/255, 320², RGB), forward, then per class score ≥ 0.25 and NMSBoxes 0.45, JSON on stdout.
#include <opencv2/dnn.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: ocv_detect IMAGE CFG WEIGHTS NAMES\n");
        return 2;
    }
    const cv::Mat img = cv::imread(argv[1]);
    if (img.empty()) return 1;
    cv::dnn::Net net = cv::dnn::readNetFromDarknet(argv[2], argv[3]);
    std::vector<std::string> names;
    std::ifstream nf(argv[4]);
    for (std::string l; std::getline(nf, l);) names.push_back(l);
    net.setInput(cv::dnn::blobFromImage(img, 1 / 255.0, cv::Size(320, 320), cv::Scalar(), true, false));
    std::vector<cv::Mat> outs;
    net.forward(outs, net.getUnconnectedOutLayersNames());
    std::printf("{\"image\": \"%s\", \"detections\": [", argv[1]);
    bool first = true;
    const int classes = outs[0].cols - 5;
    for (int c = 0; c < classes; ++c) {
        std::vector<cv::Rect2d> boxes;
        std::vector<float> scores;
        for (const cv::Mat& o : outs)
            for (int r = 0; r < o.rows; ++r) {
                const float* p = o.ptr<float>(r);
                if (p[5 + c] < 0.25f) continue;
                boxes.emplace_back((p[0] - p[2] / 2) * img.cols, (p[1] - p[3] / 2) * img.rows, p[2] * img.cols,
                                   p[3] * img.rows);
                scores.push_back(p[5 + c]);
            }
        std::vector<int> keep;
        cv::dnn::NMSBoxes(boxes, scores, 0.25f, 0.45f, keep);
        for (int k : keep) {
            std::printf("%s{\"class\": \"%s\", \"score\": %.4f, \"x\": %.1f, \"y\": %.1f, \"w\": %.1f, \"h\": %.1f}",
                        first ? "" : ", ", c < static_cast<int>(names.size()) ? names[c].c_str() : "?", scores[k],
                        boxes[k].x, boxes[k].y, boxes[k].width, boxes[k].height);
            first = false;
        }
    }
    std::printf("]}\n");
    return 0;
}
