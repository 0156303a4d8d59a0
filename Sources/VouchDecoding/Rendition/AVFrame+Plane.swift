import CFFmpeg

extension UnsafeMutablePointer where Pointee == AVFrame {
    /// Plane `index` of the frame and its stride; Swift imports `data` and `linesize` as 8-tuples.
    func plane(_ index: Int) -> (pixels: UnsafeMutablePointer<UInt8>?, stride: Int) {
        let pixels = withUnsafeBytes(of: pointee.data) {
            $0.load(fromByteOffset: index * MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride, as: UnsafeMutablePointer<UInt8>?.self)
        }
        let stride = withUnsafeBytes(of: pointee.linesize) { $0.load(fromByteOffset: index * MemoryLayout<Int32>.stride, as: Int32.self) }
        return (pixels, Int(stride))
    }

    /// Hands `body` the frame's plane pointers and strides as the writable C arrays `sws_scale` fills.
    func withWritablePlanes<R>(_ body: (UnsafePointer<UnsafeMutablePointer<UInt8>?>, UnsafePointer<Int32>) -> R) -> R {
        withUnsafePointer(to: pointee.data) { planes in
            withUnsafePointer(to: pointee.linesize) { strides in
                planes.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { plane in
                    strides.withMemoryRebound(to: Int32.self, capacity: 8) { body(plane, $0) }
                }
            }
        }
    }
}
