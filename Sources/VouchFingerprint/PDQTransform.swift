import Foundation

/// PDQ's 16×16 block of DCT coefficients (frequencies 1–16 on each axis, no DC),
/// from which the hash and its seven dihedral relatives are read.
///
/// A mirrored or rotated image has the same coefficients up to sign and
/// transposition, so one DCT yields all eight hashes.
struct PDQTransform {
    /// `coefficients[i * 16 + j]`: vertical frequency `i + 1`, horizontal `j + 1`.
    var coefficients: [Float]

    static let side = 16

    /// D[i][j] = sqrt(2/64) · cos(π/128 · (i+1) · (2j+1)), stored in float as the reference does.
    static let matrix: [Float] = {
        let scale = Float((2.0 / 64).squareRoot())
        var matrix = [Float](repeating: 0, count: side * 64)
        for i in 0..<side {
            for j in 0..<64 {
                matrix[i * 64 + j] = Float(Double(scale) * cos((Double.pi / 2 / 64) * Double(i + 1) * Double(2 * j + 1)))
            }
        }
        return matrix
    }()

    /// B = D · A · Dᵀ, accumulating in float in the reference's order.
    init(of buffer: [Float]) {
        let d = Self.matrix
        var intermediate = [Float](repeating: 0, count: Self.side * 64)
        var coefficients = [Float](repeating: 0, count: Self.side * Self.side)
        d.withUnsafeBufferPointer { d in
            buffer.withUnsafeBufferPointer { a in
                intermediate.withUnsafeMutableBufferPointer { t in
                    for i in 0..<Self.side {
                        for j in 0..<64 {
                            var sum: Float = 0
                            for k in 0..<64 { sum += d[i * 64 + k] * a[k * 64 + j] }
                            t[i * 64 + j] = sum
                        }
                    }
                }
            }
            intermediate.withUnsafeBufferPointer { t in
                coefficients.withUnsafeMutableBufferPointer { b in
                    for i in 0..<Self.side {
                        for j in 0..<Self.side {
                            var sum: Float = 0
                            for k in 0..<64 { sum += t[i * 64 + k] * d[j * 64 + k] }
                            b[i * Self.side + j] = sum
                        }
                    }
                }
            }
        }
        self.coefficients = coefficients
    }

    init(coefficients: [Float]) {
        self.coefficients = coefficients
    }

    /// Bit k is set where coefficient k exceeds the lower median of all 256.
    var hash: PDQHash {
        let median = coefficients.sorted()[127]
        return PDQHash(bits: coefficients.lazy.map { $0 > median })
    }

    /// The coefficients of the image transformed by `symmetry`.
    func transformed(by symmetry: Dihedral) -> PDQTransform {
        let n = Self.side
        var out = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let value = coefficients[i * n + j]
                let iOdd = i & 1 == 1
                let jOdd = j & 1 == 1
                switch symmetry {
                case .identity: out[i * n + j] = value
                case .rotate90: out[j * n + i] = jOdd ? value : -value
                case .rotate180: out[i * n + j] = iOdd != jOdd ? -value : value
                case .rotate270: out[j * n + i] = iOdd ? value : -value
                case .flipVertical: out[i * n + j] = iOdd ? value : -value
                case .mirror: out[i * n + j] = jOdd ? value : -value
                case .transpose: out[j * n + i] = value
                case .antiTranspose: out[j * n + i] = iOdd != jOdd ? -value : value
                }
            }
        }
        return PDQTransform(coefficients: out)
    }
}

/// The eight symmetries of a rectangle: how a re-uploader can turn or mirror a frame.
public enum Dihedral: String, CaseIterable, Sendable, Codable {
    case identity
    /// A quarter turn counter-clockwise.
    case rotate90
    case rotate180
    /// A quarter turn clockwise.
    case rotate270
    /// Top and bottom swapped.
    case flipVertical
    /// Left and right swapped: the usual mirrored re-upload.
    case mirror
    /// Reflected in the main diagonal.
    case transpose
    /// Reflected in the anti-diagonal.
    case antiTranspose
}

extension Dihedral {
    /// The position in `allCases`, which is also the order of PDQ's reference.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
