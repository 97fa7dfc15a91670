// SPDX-License-Identifier: MIT
#include "core/data/transform.h"

#include "core/util/error.h"

#include <Eigen/Eigenvalues>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

const char* const kNames[] = {"min-max", "z-score", "log"};

using Mat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

} // namespace

const char* columnTransformName(ColumnTransform t)
{
    return kNames[int(t)];
}

std::optional<ColumnTransform> columnTransformFromName(const std::string& name)
{
    for (int i = 0; i < 3; ++i)
        if (name == kNames[i]) return ColumnTransform(i);
    return std::nullopt;
}

TransformedColumn transformColumn(const std::vector<double>& x, ColumnTransform t)
{
    TransformedColumn out;
    if (x.empty()) return out;
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    const double min = *lo, max = *hi;
    double mean = 0, sd = 0;
    for (double v : x) mean += v;
    mean /= double(x.size());
    for (double v : x) sd += (v - mean) * (v - mean);
    sd = std::sqrt(sd / double(x.size()));
    out.values.resize(x.size());
    const bool constant = max == min;
    if (constant && t != ColumnTransform::Log) {
        out.note = "the column is constant: every value becomes 0.";
        return out.values.assign(x.size(), 0.0), out;
    }
    for (size_t i = 0; i < x.size(); ++i) {
        if (t == ColumnTransform::MinMax) out.values[i] = (x[i] - min) / (max - min);
        else if (t == ColumnTransform::ZScore) out.values[i] = (x[i] - mean) / sd;
        else out.values[i] = min > 0 ? std::log(x[i]) : std::log(x[i] - min + 1);
    }
    if (t == ColumnTransform::Log && min <= 0) out.note = "the column has values ≤ 0, so it is ln(x − min + 1).";
    return out;
}

std::vector<double> covariance(const std::vector<double>& x, int count, int dims)
{
    const Eigen::Map<const Mat> X(x.data(), count, dims);
    const Eigen::RowVectorXd mu = X.colwise().mean();
    const Mat C = X.rowwise() - mu;
    const Mat S = (C.transpose() * C) / double(count);
    return std::vector<double>(S.data(), S.data() + S.size());
}

WhiteningResult whiten(const std::vector<double>& x, int count, int dims, Whitening kind, double epsilon)
{
    if (count < 2 || dims < 1 || size_t(count) * size_t(dims) != x.size())
        throw ConfigError("whitening needs at least two pictures of the same size");
    if (!(epsilon >= 0)) throw ConfigError("whitening's ε must be 0 or more");
    WhiteningResult r;
    r.dims = dims, r.count = count;
    const Eigen::Map<const Mat> X(x.data(), count, dims);
    const Eigen::RowVectorXd mu = X.colwise().mean();
    const Mat C = X.rowwise() - mu;
    const Mat S = (C.transpose() * C) / double(count);
    const Eigen::SelfAdjointEigenSolver<Mat> eig(S);
    // Eigen sorts ascending; the largest first reads better (PCA's first axis first).
    const Mat U = eig.eigenvectors().rowwise().reverse();
    const Eigen::VectorXd lambda = eig.eigenvalues().reverse().cwiseMax(0.0);
    // A direction without variance (a border pixel that is always black) has nothing to scale: it is dropped
    // (scale 0) rather than divided by zero.
    const Eigen::VectorXd scale = (lambda.array() + epsilon > 1e-12).select((lambda.array() + epsilon).rsqrt(), 0.0).matrix();
    Mat W = scale.asDiagonal() * U.transpose(); // PCA: (Λ + εI)^(−1/2) Uᵀ
    if (kind == Whitening::ZCA) W = U * W;      // ZCA: U (Λ + εI)^(−1/2) Uᵀ
    const Mat Y = C * W.transpose();
    r.mean.assign(mu.data(), mu.data() + dims);
    r.eigenvalues.assign(lambda.data(), lambda.data() + dims);
    r.whitened.assign(Y.data(), Y.data() + Y.size());
    r.covarianceBefore.assign(S.data(), S.data() + S.size());
    r.covarianceAfter = covariance(r.whitened, count, dims);
    return r;
}

Picture resizePicture(const Picture& p, int width, int height)
{
    if (width < 1 || height < 1 || p.width < 1 || p.height < 1) throw ConfigError("a picture's size must be at least 1 × 1");
    const cv::Mat in(p.height, p.width, CV_32FC(p.channels), const_cast<float*>(p.values.data()));
    cv::Mat out;
    cv::resize(in, out, cv::Size(width, height), 0, 0, width < p.width ? cv::INTER_AREA : cv::INTER_LINEAR);
    Picture r{width, height, p.channels, {}};
    r.values.assign(out.ptr<float>(), out.ptr<float>() + size_t(width) * size_t(height) * size_t(p.channels));
    return r;
}

Picture cropPicture(const Picture& p, int width, int height)
{
    width = std::clamp(width, 1, p.width), height = std::clamp(height, 1, p.height);
    const int x0 = (p.width - width) / 2, y0 = (p.height - height) / 2, c = p.channels;
    Picture r{width, height, c, {}};
    for (int y = 0; y < height; ++y) {
        const float* row = p.values.data() + (size_t(y0 + y) * size_t(p.width) + size_t(x0)) * size_t(c);
        r.values.insert(r.values.end(), row, row + size_t(width) * size_t(c));
    }
    return r;
}

Picture downsamplePicture(const Picture& p, int factor)
{
    if (factor < 1 || factor > std::min(p.width, p.height)) throw ConfigError("the factor must be between 1 and the picture's side");
    const int w = p.width / factor, h = p.height / factor, c = p.channels;
    Picture r{w, h, c, std::vector<float>(size_t(w) * size_t(h) * size_t(c), 0.f)};
    for (int y = 0; y < h * factor; ++y)
        for (int x = 0; x < w * factor; ++x)
            for (int k = 0; k < c; ++k)
                r.values[(size_t(y / factor) * size_t(w) + size_t(x / factor)) * size_t(c) + size_t(k)] +=
                    p.values[(size_t(y) * size_t(p.width) + size_t(x)) * size_t(c) + size_t(k)] / float(factor * factor);
    return r;
}

Picture greyPicture(const Picture& p)
{
    if (p.channels == 1) return p;
    Picture r{p.width, p.height, 1, {}};
    for (size_t i = 0; i + 2 < p.values.size(); i += size_t(p.channels))
        r.values.push_back(0.299f * p.values[i] + 0.587f * p.values[i + 1] + 0.114f * p.values[i + 2]);
    return r;
}

} // namespace dl
