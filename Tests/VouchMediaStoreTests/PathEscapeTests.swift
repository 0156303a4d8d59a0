import Foundation
import Testing
@testable import VouchMediaStore

/// An attacker who controls part of a key (a digest field, an extension) must not make the
/// directory store read, write or remove a file outside its root.
@Suite struct PathEscapeTests {
    @Test func aKeyCraftedToLeaveTheRootIsRefusedBeforeTheDiskIsTouched() throws {
        let parent = try TestStore.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let root = "\(parent)/media"
        let crafted = [
            "../escaped", "originals/../../escaped", "originals/../../../../../../tmp/escaped", "/\(parent)/escaped",
            "renditions/..", "originals/%2e%2e/escaped", "originals/..\\..\\escaped", "..\u{2215}escaped",
        ]
        for text in crafted {
            #expect(throws: MediaStoreError.self) { _ = try DirectoryMediaStore(root: root).objectPath(MediaKey(text)) }
        }
        // Making a store touches nothing either: only a put creates its folders.
        _ = DirectoryMediaStore(root: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }

    @Test func everyPathTheStoreUsesIsUnderItsRoot() throws {
        let store = DirectoryMediaStore(root: "/srv/vouch/media")
        let key = try MediaKey("posters/a.b/..c.jpg")
        #expect(store.objectPath(key) == "/srv/vouch/media/objects/posters/a.b/..c.jpg")
        #expect(store.sidecarPath(key) == "/srv/vouch/media/meta/posters/a.b/..c.jpg")
    }
}
