import Foundation

/// The C2PA manifest store found in a BMFF file: the active (last) manifest's claim,
/// claim signature and assertion store, still as bytes, plus where the store sits in the
/// file so the hard binding can leave it out.
struct ManifestStore: Sendable {
    /// The user type of the top-level `uuid` box that carries C2PA data.
    static let c2paUUID = Data([0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81])

    var label: String
    /// The claim's CBOR, exactly as signed.
    var claimBytes: Data
    var claimLabel: String
    /// The COSE_Sign1 of the claim.
    var signatureBytes: Data
    var assertions: JUMBFBox
    var manifest: JUMBFBox

    /// Finds the manifest store among the file's top-level boxes; nil when there is none.
    static func locate(in file: BMFFFile, boxes: [BMFFBox]) throws(ProvenanceError) -> ManifestStore? {
        var found: Data?
        for box in boxes where box.type == "uuid" && box.payloadSize >= 16 + 4 + 1 {
            let head = try file.read(at: box.payloadOffset, count: Int(min(box.payloadSize, 64)))
            guard head.prefix(16) == c2paUUID else { continue }
            // After the user type: a full box's version and flags, then a NUL-terminated purpose.
            let afterFlags = head.dropFirst(20)
            guard let nul = afterFlags.firstIndex(of: 0) else { throw .malformed("the C2PA box's purpose is not terminated") }
            let purpose = String(decoding: afterFlags[afterFlags.startIndex..<nul], as: UTF8.self)
            guard purpose == "manifest" else { continue }
            let start = UInt64(nul - head.startIndex + 1 + 8)
            guard start <= box.payloadSize else { throw .malformed("the C2PA box ends before its manifest store") }
            guard found == nil else { throw .malformed("more than one C2PA manifest store") }
            let size = box.payloadSize - start
            guard size <= UInt64(JUMBFBox.maxStoreBytes) else { throw .malformed("a manifest store of \(size) bytes") }
            found = try file.read(at: box.payloadOffset + start, count: Int(size))
        }
        guard let found else { return nil }
        return try ManifestStore(jumbf: found)
    }

    init(jumbf: Data) throws(ProvenanceError) {
        let store = try JUMBFBox.parse(jumbf)
        guard store.contentTypeCode == "c2pa" else { throw .malformed("the JUMBF store is not a C2PA manifest store") }
        guard let manifest = store.children.last(where: { $0.contentTypeCode == "c2ma" }) else { throw .malformed("the store holds no manifest") }
        guard let label = manifest.label else { throw .malformed("the active manifest has no label") }
        guard let claim = manifest.children.first(where: { $0.contentTypeCode == "c2cl" }),
              let claimLabel = claim.label, let claimBytes = claim.content("cbor")
        else { throw .malformed("the active manifest has no claim") }
        guard let signature = manifest.children.first(where: { $0.contentTypeCode == "c2cs" }),
              let signatureBytes = signature.content("cbor")
        else { throw .malformed("the active manifest has no claim signature") }
        guard let assertions = manifest.children.first(where: { $0.contentTypeCode == "c2as" }) else {
            throw .malformed("the active manifest has no assertion store")
        }
        self.label = label
        self.claimBytes = claimBytes
        self.claimLabel = claimLabel
        self.signatureBytes = signatureBytes
        self.assertions = assertions
        self.manifest = manifest
    }

    /// The assertion a hashed URI names: `self#jumbf=c2pa.assertions/LABEL` relative to this
    /// manifest, or the absolute `self#jumbf=/c2pa/MANIFEST/c2pa.assertions/LABEL`.
    func assertion(at url: String) -> JUMBFBox? {
        guard url.hasPrefix("self#jumbf=") else { return nil }
        var parts = url.dropFirst("self#jumbf=".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" {
            guard parts.count == 5, parts[1] == "c2pa", parts[2] == label else { return nil }
            parts.removeFirst(3)
        }
        guard parts.count == 2, parts[0] == assertions.label else { return nil }
        return assertions.child(labelled: parts[1])
    }
}
