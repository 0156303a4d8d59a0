#if canImport(Glibc)
import Glibc
#endif

extension Array {
    /// An array of `count` elements written by `initialize`, asking the kernel for
    /// 2 MiB pages first. A query touches rows all over a 1 GB array; with 4 KiB
    /// pages nearly every touch also misses the TLB and walks the page tables.
    /// Where there are no transparent huge pages this is an ordinary array.
    init(hugePagesOf count: Int, initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            #if canImport(Glibc)
            let page = 2 << 20
            if let base = buffer.baseAddress {
                let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
                let end = (Int(bitPattern: base) + buffer.count * MemoryLayout<Element>.stride) & ~(page - 1)
                if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
            }
            #endif
            initialize(buffer)
            initialized = count
        }
    }
}
