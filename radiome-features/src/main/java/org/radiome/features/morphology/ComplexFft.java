package org.radiome.features.morphology;

import java.util.Arrays;

/**
 * Forward discrete Fourier transform of one length n, {@code X[k] = Σ_j x[j]·exp(−2πi·jk/n)}, over split real and
 * imaginary {@code double} arrays.
 *
 * <p>Method: the self-sorting mixed-radix Stockham algorithm (Stockham 1966; see C. Van Loan, <em>Computational
 * Frameworks for the Fast Fourier Transform</em>, SIAM 1992, §1.7). n is factored into radices 4, 2, 3, 5 and,
 * for other prime factors, a plain DFT butterfly of that size; each stage reads one buffer and writes the other,
 * so no bit-reversal permutation is needed. Cost O(n·Σ radices); rounding error O(ε·log n) relative to the
 * input's norm. Sizes from {@link #smoothSize} have only the factors 2, 3, 5, for which every stage is a
 * hand-written butterfly.
 *
 * <p>The twiddle factors {@code exp(−2πi·k/n)} are tabulated once per instance, each from its own
 * {@code Math.cos}/{@code Math.sin} call (no recurrence, so no error build-up). Immutable; thread-safe: the
 * working memory is passed in by the caller.
 */
final class ComplexFft {
    private final int n;
    private final int[] radices;
    private final double[] twiddleRe, twiddleIm;

    ComplexFft(int n) {
        if (n < 1) throw new IllegalArgumentException("fft length must be >= 1, was " + n);
        this.n = n;
        this.radices = factor(n);
        twiddleRe = new double[n];
        twiddleIm = new double[n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            twiddleRe[k] = Math.cos(angle);
            twiddleIm[k] = -Math.sin(angle);
        }
    }

    int length() { return n; }

    /** The smallest {@code 2^a·3^b·5^c} not below {@code minimum} (≥ 1). */
    static int smoothSize(int minimum) {
        if (minimum < 1 || minimum > 1 << 30) throw new IllegalArgumentException("fft length out of range: " + minimum);
        long best = Long.MAX_VALUE;
        for (long p2 = 1; p2 < best; p2 *= 2) {
            for (long p3 = p2; p3 < best; p3 *= 3) {
                long p5 = p3;
                while (p5 < minimum) p5 *= 5;
                best = Math.min(best, p5);
            }
        }
        return (int) best;
    }

    /** Radices in the order the stages apply them: 4s first, then 2, 3, 5, then any other primes. */
    private static int[] factor(int n) {
        int[] out = new int[32];
        int count = 0, rest = n;
        while (rest % 4 == 0) { out[count++] = 4; rest /= 4; }
        for (int p = 2; rest > 1; p++) {
            if (p * p > rest) p = rest;
            while (rest % p == 0) { out[count++] = p; rest /= p; }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * Transforms {@code (re, im)} (the first n entries) in place; {@code scratchRe, scratchIm} (length ≥ n) are
     * overwritten.
     */
    void forward(double[] re, double[] im, double[] scratchRe, double[] scratchIm) {
        forward(re, im, scratchRe, scratchIm, 1);
    }

    /**
     * Transforms {@code batch} sequences at once, in place: element j of sequence b is at {@code j·batch + b}
     * (the first {@code n·batch} entries). The innermost loops run over the batch, contiguous in memory, so a
     * batch of columns of a larger array, gathered row by row, transforms at the speed of long vector loops.
     * {@code scratchRe, scratchIm} (length ≥ n·batch) are overwritten.
     */
    void forward(double[] re, double[] im, double[] scratchRe, double[] scratchIm, int batch) {
        if (batch < 1) throw new IllegalArgumentException("fft batch must be >= 1, was " + batch);
        double[] xr = re, xi = im, yr = scratchRe, yi = scratchIm;
        int stride = 1, length = n;
        for (int p : radices) {
            int m = length / p;
            switch (p) {
                case 2 -> radix2(xr, xi, yr, yi, m, stride, stride * batch);
                case 3 -> radix3(xr, xi, yr, yi, m, stride, stride * batch);
                case 4 -> radix4(xr, xi, yr, yi, m, stride, stride * batch);
                case 5 -> radix5(xr, xi, yr, yi, m, stride, stride * batch);
                default -> radixGeneric(p, xr, xi, yr, yi, m, stride, stride * batch);
            }
            double[] t = xr; xr = yr; yr = t;
            t = xi; xi = yi; yi = t;
            stride *= p;
            length = m;
        }
        if (xr != re) {
            System.arraycopy(xr, 0, re, 0, n * batch);
            System.arraycopy(xi, 0, im, 0, n * batch);
        }
    }

    // Stage of radix p on sub-transforms of length m·p at stride s: for j < m and q < s, the inputs
    // x[q + s·(j + r·m)], r < p, give y[q + s·(p·j + t)] = ω_{m·p}^{j·t} · Σ_r x_r·ω_p^{r·t}, where
    // ω_{m·p}^{j·t} = twiddle[j·t·s] since m·p·s = n. With a batch, every index is scaled by it and q runs over
    // s·batch = sb consecutive entries.

    private void radix2(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, int sb) {
        for (int j = 0; j < m; j++) {
            double w1r = twiddleRe[j * s], w1i = twiddleIm[j * s];
            int in0 = sb * j, in1 = sb * (j + m), out0 = sb * 2 * j, out1 = out0 + sb;
            for (int q = 0; q < sb; q++) {
                double ar = xr[in0 + q], ai = xi[in0 + q], br = xr[in1 + q], bi = xi[in1 + q];
                yr[out0 + q] = ar + br;
                yi[out0 + q] = ai + bi;
                double dr = ar - br, di = ai - bi;
                yr[out1 + q] = dr * w1r - di * w1i;
                yi[out1 + q] = dr * w1i + di * w1r;
            }
        }
    }

    private void radix4(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, int sb) {
        for (int j = 0; j < m; j++) {
            double w1r = twiddleRe[j * s], w1i = twiddleIm[j * s];
            double w2r = twiddleRe[2 * j * s], w2i = twiddleIm[2 * j * s];
            double w3r = twiddleRe[3 * j * s], w3i = twiddleIm[3 * j * s];
            int in0 = sb * j, in1 = sb * (j + m), in2 = sb * (j + 2 * m), in3 = sb * (j + 3 * m);
            int out0 = sb * 4 * j, out1 = out0 + sb, out2 = out1 + sb, out3 = out2 + sb;
            for (int q = 0; q < sb; q++) {
                double a0r = xr[in0 + q], a0i = xi[in0 + q], a1r = xr[in1 + q], a1i = xi[in1 + q];
                double a2r = xr[in2 + q], a2i = xi[in2 + q], a3r = xr[in3 + q], a3i = xi[in3 + q];
                double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
                double t2r = a1r + a3r, t2i = a1i + a3i;
                double t3r = a1i - a3i, t3i = a3r - a1r; // (a1 − a3)·(−i)
                yr[out0 + q] = t0r + t2r;
                yi[out0 + q] = t0i + t2i;
                double y1r = t1r + t3r, y1i = t1i + t3i;
                double y2r = t0r - t2r, y2i = t0i - t2i;
                double y3r = t1r - t3r, y3i = t1i - t3i;
                yr[out1 + q] = y1r * w1r - y1i * w1i;
                yi[out1 + q] = y1r * w1i + y1i * w1r;
                yr[out2 + q] = y2r * w2r - y2i * w2i;
                yi[out2 + q] = y2r * w2i + y2i * w2r;
                yr[out3 + q] = y3r * w3r - y3i * w3i;
                yi[out3 + q] = y3r * w3i + y3i * w3r;
            }
        }
    }

    private void radix3(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, int sb) {
        final double h = Math.sqrt(3) / 2; // sin(2π/3); ω_3 = −1/2 − i·h
        for (int j = 0; j < m; j++) {
            double w1r = twiddleRe[j * s], w1i = twiddleIm[j * s];
            double w2r = twiddleRe[2 * j * s], w2i = twiddleIm[2 * j * s];
            int in0 = sb * j, in1 = sb * (j + m), in2 = sb * (j + 2 * m);
            int out0 = sb * 3 * j, out1 = out0 + sb, out2 = out1 + sb;
            for (int q = 0; q < sb; q++) {
                double a0r = xr[in0 + q], a0i = xi[in0 + q], a1r = xr[in1 + q], a1i = xi[in1 + q];
                double a2r = xr[in2 + q], a2i = xi[in2 + q];
                double sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
                yr[out0 + q] = a0r + sr;
                yi[out0 + q] = a0i + si;
                double cr = a0r - 0.5 * sr, ci = a0i - 0.5 * si;
                double er = h * di, ei = -h * dr; // −i·h·(a1 − a2)
                double y1r = cr + er, y1i = ci + ei, y2r = cr - er, y2i = ci - ei;
                yr[out1 + q] = y1r * w1r - y1i * w1i;
                yi[out1 + q] = y1r * w1i + y1i * w1r;
                yr[out2 + q] = y2r * w2r - y2i * w2i;
                yi[out2 + q] = y2r * w2i + y2i * w2r;
            }
        }
    }

    private void radix5(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, int sb) {
        final double c1 = Math.cos(2 * Math.PI / 5), c2 = Math.cos(4 * Math.PI / 5);
        final double s1 = Math.sin(2 * Math.PI / 5), s2 = Math.sin(4 * Math.PI / 5);
        for (int j = 0; j < m; j++) {
            double w1r = twiddleRe[j * s], w1i = twiddleIm[j * s];
            double w2r = twiddleRe[2 * j * s], w2i = twiddleIm[2 * j * s];
            double w3r = twiddleRe[3 * j * s], w3i = twiddleIm[3 * j * s];
            double w4r = twiddleRe[4 * j * s], w4i = twiddleIm[4 * j * s];
            int in0 = sb * j, in1 = sb * (j + m), in2 = sb * (j + 2 * m), in3 = sb * (j + 3 * m), in4 = sb * (j + 4 * m);
            int out0 = sb * 5 * j, out1 = out0 + sb, out2 = out1 + sb, out3 = out2 + sb, out4 = out3 + sb;
            for (int q = 0; q < sb; q++) {
                double a0r = xr[in0 + q], a0i = xi[in0 + q];
                double b1r = xr[in1 + q] + xr[in4 + q], b1i = xi[in1 + q] + xi[in4 + q];
                double e1r = xr[in1 + q] - xr[in4 + q], e1i = xi[in1 + q] - xi[in4 + q];
                double b2r = xr[in2 + q] + xr[in3 + q], b2i = xi[in2 + q] + xi[in3 + q];
                double e2r = xr[in2 + q] - xr[in3 + q], e2i = xi[in2 + q] - xi[in3 + q];
                yr[out0 + q] = a0r + b1r + b2r;
                yi[out0 + q] = a0i + b1i + b2i;
                // y1,4 = a0 + c1·b1 + c2·b2 ∓ i·(s1·e1 + s2·e2);  y2,3 = a0 + c2·b1 + c1·b2 ∓ i·(s2·e1 − s1·e2)
                double p1r = a0r + c1 * b1r + c2 * b2r, p1i = a0i + c1 * b1i + c2 * b2i;
                double p2r = a0r + c2 * b1r + c1 * b2r, p2i = a0i + c2 * b1i + c1 * b2i;
                double q1r = s1 * e1r + s2 * e2r, q1i = s1 * e1i + s2 * e2i;
                double q2r = s2 * e1r - s1 * e2r, q2i = s2 * e1i - s1 * e2i;
                // −i·(u + iv) = v − iu
                double y1r = p1r + q1i, y1i = p1i - q1r, y4r = p1r - q1i, y4i = p1i + q1r;
                double y2r = p2r + q2i, y2i = p2i - q2r, y3r = p2r - q2i, y3i = p2i + q2r;
                yr[out1 + q] = y1r * w1r - y1i * w1i;
                yi[out1 + q] = y1r * w1i + y1i * w1r;
                yr[out2 + q] = y2r * w2r - y2i * w2i;
                yi[out2 + q] = y2r * w2i + y2i * w2r;
                yr[out3 + q] = y3r * w3r - y3i * w3i;
                yi[out3 + q] = y3r * w3i + y3i * w3r;
                yr[out4 + q] = y4r * w4r - y4i * w4i;
                yi[out4 + q] = y4r * w4i + y4i * w4r;
            }
        }
    }

    /** Any radix p, as a plain p-point DFT per butterfly (only for prime factors above 5). */
    private void radixGeneric(int p, double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, int sb) {
        int step = n / p; // ω_p^k = twiddle[k·n/p]
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < sb; q++) {
                for (int t = 0; t < p; t++) {
                    double sumR = 0, sumI = 0;
                    for (int r = 0, rt = 0; r < p; r++, rt = (rt + t) % p) {
                        int in = q + sb * (j + r * m);
                        double wr = twiddleRe[rt * step], wi = twiddleIm[rt * step];
                        sumR += xr[in] * wr - xi[in] * wi;
                        sumI += xr[in] * wi + xi[in] * wr;
                    }
                    int w = j * t * s;
                    int out = q + sb * (p * j + t);
                    yr[out] = sumR * twiddleRe[w] - sumI * twiddleIm[w];
                    yi[out] = sumR * twiddleIm[w] + sumI * twiddleRe[w];
                }
            }
        }
    }
}
