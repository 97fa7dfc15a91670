// SPDX-License-Identifier: MIT
#include "core/data/augment.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <numbers>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

namespace dl {

const std::vector<std::string>& augmentKinds()
{
    static const std::vector<std::string> k{"flip", "crop", "rotate", "shear", "elastic", "color", "pca"};
    return k;
}

float defaultStrength(const std::string& kind)
{
    if (kind == "crop") return 4.f;    // pixels of padding
    if (kind == "rotate") return 15.f; // degrees
    if (kind == "shear") return 0.2f;  // shear factor
    if (kind == "elastic") return 8.f; // α in pixels
    if (kind == "color") return 0.1f;  // offset
    if (kind == "pca") return 0.1f;    // σ of the weights
    return 0.f;
}

AugmentPipeline AugmentPipeline::parse(const std::string& text)
{
    AugmentPipeline p;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
        if (a == std::string::npos) continue;
        item = item.substr(a, b - a + 1);
        std::vector<std::string> parts;
        std::stringstream is(item);
        std::string part;
        while (std::getline(is, part, ':')) parts.push_back(part);
        AugmentOp op;
        op.kind = parts[0];
        if (std::find(augmentKinds().begin(), augmentKinds().end(), op.kind) == augmentKinds().end())
            throw ConfigError("unknown augmentation \"" + op.kind +
                              "\"; use flip, crop, rotate, shear, elastic, color or pca");
        try {
            if (parts.size() > 1) op.probability = std::stof(parts[1]);
            if (parts.size() > 2) op.strength = std::stof(parts[2]);
        } catch (const std::exception&) {
            throw ConfigError("augmentation \"" + item + "\": write kind:probability:strength with numbers");
        }
        // Strength bounded too: a crop of 1e30 pixels' padding is no picture (and no int).
        if (!(op.probability >= 0.f && op.probability <= 1.f) || !(op.strength >= 0.f && op.strength <= 1000.f) ||
            parts.size() > 3)
            throw ConfigError("augmentation \"" + item +
                              "\": probability must be in [0, 1] and strength from 0 to 1000");
        p.ops.push_back(op);
    }
    return p;
}

Json AugmentPipeline::toJson() const
{
    Json a = Json::array();
    for (const AugmentOp& op : ops) {
        Json j = Json::object();
        j.set("kind", op.kind)
            .set("probability", double(op.probability))
            .set("strength", double(op.strength));
        a.push(j);
    }
    return a;
}

AugmentPipeline AugmentPipeline::fromJson(const Json& j)
{
    std::string text;
    for (const Json& op : j.elements())
        text += op.at("kind").string("kind") + ":" + std::to_string(op.get("probability", 0.5)) + ":" +
                std::to_string(op.get("strength", 0.0)) + ",";
    return parse(text);
}

PcaColor pcaColorBasis(const Tensor& images)
{
    DL_CHECK(images.rank() == 4 && images.dim(1) == 3, "PCA colour needs RGB images (N, 3, H, W)");
    const size_t hw = size_t(images.dim(2)) * images.dim(3);
    Eigen::Matrix3d cov = Eigen::Matrix3d::Zero();
    Eigen::Vector3d mean = Eigen::Vector3d::Zero();
    double count = 0;
    for (int n = 0; n < images.dim(0); ++n)
        for (size_t p = 0; p < hw; ++p) {
            Eigen::Vector3d v;
            for (int c = 0; c < 3; ++c) v[c] = images[(size_t(n) * 3 + c) * hw + p];
            mean += v;
            cov += v * v.transpose();
            count += 1;
        }
    mean /= count;
    cov = cov / count - mean * mean.transpose();
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> es(cov);
    PcaColor pc;
    for (int k = 0; k < 3; ++k) {
        pc.eigenvalues[k] = float(std::max(0.0, es.eigenvalues()[k]));
        for (int c = 0; c < 3; ++c) pc.eigenvectors[c][k] = float(es.eigenvectors()(c, k));
    }
    return pc;
}

namespace {
float strengthOf(const AugmentOp& op)
{
    return op.strength > 0.f ? op.strength : defaultStrength(op.kind);
}

// One geometric op on an image held as a CV_32FC(C) Mat; zero fill outside.
void geometric(cv::Mat& img, const AugmentOp& op, Rng& rng)
{
    const float s = strengthOf(op);
    const int h = img.rows, w = img.cols;
    cv::Mat out;
    if (op.kind == "flip") {
        cv::flip(img, out, 1);
    } else if (op.kind == "crop") { // pad by s, crop back at a random offset = shift by up to ±s
        const int pad = int(std::lround(s));
        const double dx = rng.uniformInt(-pad, pad), dy = rng.uniformInt(-pad, pad);
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, dy);
        cv::warpAffine(img, out, m, img.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    } else if (op.kind == "rotate") {
        const cv::Mat m =
            cv::getRotationMatrix2D(cv::Point2f((w - 1) / 2.f, (h - 1) / 2.f), rng.uniform(-s, s), 1.0);
        cv::warpAffine(img, out, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    } else if (op.kind == "shear") { // x' = x + k·(y − cy)
        const double k = rng.uniform(-s, s);
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, k, -k * (h - 1) / 2.0, 0, 1, 0);
        cv::warpAffine(img, out, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    } else if (op.kind == "elastic") { // Simard et al. 2003: smoothed random displacement fields
        cv::Mat dx(h, w, CV_32F), dy(h, w, CV_32F);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                dx.at<float>(y, x) = rng.uniform(-1.f, 1.f);
                dy.at<float>(y, x) = rng.uniform(-1.f, 1.f);
            }
        const double sigma = 4.0;
        cv::GaussianBlur(dx, dx, cv::Size(0, 0), sigma);
        cv::GaussianBlur(dy, dy, cv::Size(0, 0), sigma);
        // a blurred uniform field has a small spread; normalise so α is the typical displacement
        double sd = std::sqrt(cv::mean(dx.mul(dx))[0] + 1e-12);
        cv::Mat mapX(h, w, CV_32F), mapY(h, w, CV_32F);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                mapX.at<float>(y, x) = float(x + s * dx.at<float>(y, x) / sd);
                mapY.at<float>(y, x) = float(y + s * dy.at<float>(y, x) / sd);
            }
        cv::remap(img, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    } else {
        return;
    }
    img = out;
}
} // namespace

void augmentBatch(Tensor& images, const AugmentPipeline& p, Rng& rng, const PcaColor* pca)
{
    if (p.empty()) return;
    DL_CHECK(images.rank() == 4, "augmentation needs an image batch (N, C, H, W)");
    const int n = images.dim(0), c = images.dim(1), h = images.dim(2), w = images.dim(3);
    const size_t hw = size_t(h) * w;
    std::vector<cv::Mat> planes(static_cast<size_t>(c));
    for (int i = 0; i < n; ++i) {
        float* img = images.data() + size_t(i) * c * hw;
        for (const AugmentOp& op : p.ops) {
            if (rng.uniform() >= op.probability) continue;
            if (op.kind == "color" || op.kind == "pca") {
                if (c != 3) continue; // colour inputs only
                float shift[3];
                if (op.kind == "color") {
                    for (float& v : shift) v = rng.uniform(-strengthOf(op), strengthOf(op));
                } else { // Σ_k α_k λ_k p_k with α_k ~ N(0, σ²)
                    const PcaColor basis = pca ? *pca : PcaColor{};
                    float a[3];
                    for (float& v : a) v = rng.normal(0.f, strengthOf(op));
                    for (int ch = 0; ch < 3; ++ch) {
                        shift[ch] = 0;
                        for (int k = 0; k < 3; ++k)
                            shift[ch] += a[k] * basis.eigenvalues[k] * basis.eigenvectors[ch][k];
                    }
                }
                for (int ch = 0; ch < 3; ++ch)
                    for (size_t q = 0; q < hw; ++q) {
                        float& v = img[size_t(ch) * hw + q];
                        v = std::clamp(v + shift[ch], 0.f, 1.f);
                    }
                continue;
            }
            for (int ch = 0; ch < c; ++ch) planes[size_t(ch)] = cv::Mat(h, w, CV_32F, img + size_t(ch) * hw);
            cv::Mat merged;
            cv::merge(planes, merged);
            geometric(merged, op, rng);
            std::vector<cv::Mat> outPlanes;
            cv::split(merged, outPlanes);
            for (int ch = 0; ch < c; ++ch) outPlanes[size_t(ch)].copyTo(planes[size_t(ch)]);
        }
    }
}

} // namespace dl
