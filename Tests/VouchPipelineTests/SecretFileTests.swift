import Foundation
import Testing
import VouchPipeline

/// Security: key files are made private, and refused when they are not.
@Suite struct SecretFileTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("vouch-key-\(UUID())/log.key").path
    }

    @Test func aNewLogKeyIsTheOwnersOnlyAndAnExposedOneIsRefused() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let file = LogKeyFile(path: path)
        let signer = try file.loadOrCreate(origin: "test.example/reviews")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
        #expect(mode == 0o600)
        #expect(try file.load()?.verifier == signer.verifier)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: LogKeyError.self) { try file.load() }
        do {
            _ = try file.load()
        } catch {
            #expect("\(error)".contains("chmod 600"), "the error says how to fix it: \(error)")
        }
    }

    @Test func spooledUploadsAreTheOwnersOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-spool-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = try Spool(directory: directory).begin(limit: 1 << 20)
        try writer.write(Data("a clip".utf8))
        let upload = try writer.finish()
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: upload.path)[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o077 == 0)
    }
}
