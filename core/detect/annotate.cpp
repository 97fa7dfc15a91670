// SPDX-License-Identifier: MIT
#include "core/detect/annotate.h"

#include "core/util/error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dl {

std::string annotatePng(const Photo& photo, const std::vector<Label>& labels)
{
    cv::Mat rgb(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.rgb.data()));
    cv::Mat img;
    cv::cvtColor(rgb, img, cv::COLOR_RGB2BGR);
    const double font = std::max(0.4, std::min(photo.width, photo.height) / 900.0);
    const int thick = std::max(1, static_cast<int>(std::lround(std::min(photo.width, photo.height) / 300.0)));
    for (const Label& l : labels) {
        cv::Mat hsv(1, 1, CV_8UC3, cv::Scalar(classHue(l.cls) / 2, 190, 235)), bgr;
        cv::cvtColor(hsv, bgr, cv::COLOR_HSV2BGR);
        const cv::Vec3b c = bgr.at<cv::Vec3b>(0, 0);
        const cv::Scalar colour(c[0], c[1], c[2]);
        const PixelRect r = toPixels(l.box, photo.width, photo.height);
        const cv::Point p1(static_cast<int>(std::lround(r.x)), static_cast<int>(std::lround(r.y)));
        const cv::Point p2(static_cast<int>(std::lround(r.x + r.w)),
                           static_cast<int>(std::lround(r.y + r.h)));
        cv::rectangle(img, p1, p2, colour, thick);
        int base = 0;
        const cv::Size ts = cv::getTextSize(l.text, cv::FONT_HERSHEY_SIMPLEX, font, 1, &base);
        const int top = std::max(0, p1.y - ts.height - base - 2);
        cv::rectangle(img, cv::Point(p1.x, top), cv::Point(p1.x + ts.width + 4, top + ts.height + base + 2),
                      colour, cv::FILLED);
        cv::putText(img, l.text, cv::Point(p1.x + 2, top + ts.height + 1), cv::FONT_HERSHEY_SIMPLEX, font,
                    cv::Scalar(0, 0, 0), 1, cv::LINE_AA);
    }
    std::vector<uchar> png;
    if (!cv::imencode(".png", img, png)) throw IoError("could not encode the annotated image as PNG");
    return std::string(png.begin(), png.end());
}

} // namespace dl
