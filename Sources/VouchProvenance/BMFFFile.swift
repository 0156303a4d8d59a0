import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A box in an ISO base media file (MP4, MOV): where it starts, how long it is, and how
/// long its header is. Sizes are checked against the file, never trusted.
struct BMFFBox: Sendable, Equatable {
    var type: String
    var offset: UInt64
    var size: UInt64
    var headerSize: UInt64

    var end: UInt64 { offset + size }
    var payloadOffset: UInt64 { offset + headerSize }
    var payloadSize: UInt64 { size - headerSize }
}

/// Bounded, positioned reads from an uploaded file: a clip may be hundreds of megabytes,
/// so the verifier reads box headers and the manifest, and streams everything else
/// through the hash in fixed-size chunks.
final class BMFFFile {
    static let maxBoxes = 100_000
    static let chunkSize = 1 << 20

    let length: UInt64
    private let handle: FileHandle

    init(url: URL) throws(ProvenanceError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
            length = try handle.seekToEnd()
        } catch {
            throw .io("\(url.path): \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// Exactly `count` bytes at `offset`, or an error if the file is shorter.
    func read(at offset: UInt64, count: Int) throws(ProvenanceError) -> Data {
        guard count >= 0, offset <= length, UInt64(count) <= length - offset else {
            throw .malformed("a box reaches past the end of the file (\(count) bytes at \(offset) of \(length))")
        }
        do {
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: count) ?? Data()
            guard data.count == count else { throw ProvenanceError.io("short read at \(offset)") }
            return data
        } catch let error as ProvenanceError {
            throw error
        } catch {
            throw .io(error.localizedDescription)
        }
    }

    /// Feeds `range` of the file to `body` in chunks of at most `chunkSize` bytes, read with
    /// `pread` into one reused buffer: no seeks, no allocation per chunk.
    func stream(_ range: Range<UInt64>, into body: (UnsafeRawBufferPointer) -> Void) throws(ProvenanceError) {
        guard range.upperBound <= length else { throw .malformed("a box reaches past the end of the file") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let want = Int(min(UInt64(Self.chunkSize), range.upperBound - offset))
            let got = pread(handle.fileDescriptor, buffer.baseAddress, want, off_t(offset))
            guard got > 0 else { throw .io("read failed at \(offset) (errno \(errno))") }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += UInt64(got)
        }
    }

    /// The boxes laid end to end in `range` (the whole file for the top level).
    func boxes(in range: Range<UInt64>? = nil) throws(ProvenanceError) -> [BMFFBox] {
        let range = range ?? 0..<length
        var boxes: [BMFFBox] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard boxes.count < Self.maxBoxes else { throw .malformed("more than \(Self.maxBoxes) boxes") }
            guard range.upperBound - offset >= 8 else { throw .malformed("\(range.upperBound - offset) stray bytes at \(offset)") }
            let header = try read(at: offset, count: 8)
            var size = UInt64(header.bigEndianInteger(at: 0, width: 4))
            let type = String(decoding: header[header.startIndex + 4..<header.startIndex + 8].map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x3F }, as: UTF8.self)
            var headerSize: UInt64 = 8
            if size == 1 {
                size = try read(at: offset + 8, count: 8).bigEndianInteger(at: 0, width: 8)
                headerSize = 16
            } else if size == 0 {
                size = range.upperBound - offset
            }
            guard size >= headerSize, size <= range.upperBound - offset else {
                throw .malformed("box '\(type)' at \(offset) claims \(size) bytes, \(range.upperBound - offset) remain")
            }
            boxes.append(BMFFBox(type: type, offset: offset, size: size, headerSize: headerSize))
            offset += size
        }
        return boxes
    }
}

extension Data {
    /// The big-endian unsigned integer of `width` bytes at `index` from the start.
    func bigEndianInteger(at index: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in self[startIndex + index..<startIndex + index + width] { value = value << 8 | UInt64(byte) }
        return value
    }
}
