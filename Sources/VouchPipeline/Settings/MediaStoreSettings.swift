import Foundation
import VouchMedia
import VouchMediaStore

/// Where review media is kept (`Config/vouch.json`, `mediaStore`): a directory on this
/// machine, the embedded default; or an S3-compatible bucket every API and worker host
/// reaches, for scale-out. `Docs/operations.md` describes both.
public struct MediaStoreSettings: Sendable, Codable, Equatable {
    /// The backends.
    public enum Kind: String, Sendable, Codable {
        case directory
        case s3
    }

    public var kind: Kind = .directory
    /// The directory store's root; relative paths are under the data directory. Default `media`.
    public var directory: String = "media"
    /// The bucket, for `s3`.
    public var s3: S3Settings?
    /// Keep a rejected clip's original (for appeals or as evidence) while deleting its
    /// rendition and poster; an erased reviewer's media is always deleted.
    public var keepRejectedOriginals = false
    /// How often the media of rejected and erased clips is looked for and deleted.
    public var sweepSeconds = 30.0
    /// How renditions are encoded.
    public var rendition = RenditionSettings()

    public init() {}

    /// The store these settings name, with a relative directory under `dataDirectory`.
    public func store(dataDirectory: URL) throws(MediaStoreError) -> any MediaStore {
        switch kind {
        case .directory:
            let root = directory.hasPrefix("/") ? URL(fileURLWithPath: directory) : dataDirectory.appendingPathComponent(directory)
            return DirectoryMediaStore(root: root.path)
        case .s3:
            guard let s3 else { throw .invalidSettings("mediaStore.kind is s3 but mediaStore.s3 is missing: give endpoint, region, bucket and credentials") }
            return S3MediaStore.withOwnClient(settings: s3)
        }
    }
}
