import CFFmpeg

/// Hands `body` a decoded frame's plane pointers and strides as the C arrays that
/// `sws_scale` takes; Swift imports `AVFrame.data` and `linesize` as 8-tuples.
func withPlanes<R>(of frame: UnsafeMutablePointer<AVFrame>, _ body: (UnsafePointer<UnsafePointer<UInt8>?>, UnsafePointer<Int32>) -> R) -> R {
    withUnsafePointer(to: frame.pointee.data) { planes in
        withUnsafePointer(to: frame.pointee.linesize) { lineSizes in
            planes.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { sourcePlanes in
                lineSizes.withMemoryRebound(to: Int32.self, capacity: 8) { sourceStrides in
                    body(sourcePlanes, sourceStrides)
                }
            }
        }
    }
}
