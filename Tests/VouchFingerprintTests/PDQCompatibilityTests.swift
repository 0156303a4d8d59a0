import Foundation
import Testing
@testable import VouchFingerprint

/// Vouch's PDQ against the reference `pdqhash` package, on images it never saw.
@Suite struct PDQCompatibilityTests {
    struct Reference: Decodable {
        struct Image: Decodable {
            var seed: UInt64
            var width: Int
            var height: Int
            var hash: String
            var quality: Int
            var dihedral: [String]?
        }
        var images: [Image]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "pdq-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    @Test func matchesThePdqhashPackage() throws {
        let images = Self.reference.images
        #expect(images.count >= 200)
        var identical = 0
        var worst = 0
        for expected in images {
            let synthetic = SyntheticImage(seed: expected.seed)
            #expect(synthetic.width == expected.width && synthetic.height == expected.height, "generator drift at seed \(expected.seed)")
            let (hash, quality) = PDQ.hash(LumaImage(width: synthetic.width, height: synthetic.height, rgb: synthetic.rgb))
            let reference = try #require(PDQHash(hex: expected.hash))
            let distance = hash.distance(to: reference)
            if distance == 0 { identical += 1 }
            worst = max(worst, distance)
            #expect(distance <= 4, "seed \(expected.seed): distance \(distance)")
            #expect(abs(quality - expected.quality) <= 1, "seed \(expected.seed): quality \(quality), reference \(expected.quality)")
        }
        #expect(Double(identical) >= 0.95 * Double(images.count), "\(identical) of \(images.count) identical, worst distance \(worst)")
    }

    @Test func derivesTheEightDihedralHashesAsTheReferenceDoes() throws {
        let images = Self.reference.images.filter { $0.dihedral != nil }
        #expect(images.count >= 40)
        for expected in images {
            let synthetic = SyntheticImage(seed: expected.seed)
            let (hashes, _) = PDQ.dihedralHashes(LumaImage(width: synthetic.width, height: synthetic.height, rgb: synthetic.rgb))
            let reference = try #require(expected.dihedral).compactMap { PDQHash(hex: $0) }
            #expect(reference.count == 8)
            for (symmetry, (ours, theirs)) in zip(Dihedral.allCases, zip(hashes, reference)) {
                #expect(ours.distance(to: theirs) <= 4, "seed \(expected.seed), \(symmetry)")
            }
        }
    }

    @Test func aMirroredImageHashesLikeTheMirrorVariant() {
        let synthetic = SyntheticImage(seed: 3)
        let image = LumaImage(width: synthetic.width, height: synthetic.height, rgb: synthetic.rgb)
        var mirrored = image.values
        for y in 0..<image.height {
            for x in 0..<image.width { mirrored[y * image.width + x] = image.values[y * image.width + image.width - 1 - x] }
        }
        let direct = PDQ.hash(LumaImage(width: image.width, height: image.height, values: mirrored)).hash
        let derived = PDQ.dihedralHashes(image).hashes[Dihedral.mirror.index]
        let original = PDQ.hash(image).hash
        #expect(direct.distance(to: derived) <= 32)
        #expect(direct.distance(to: original) > 64, "a mirror is far from the original, which is why the variants exist")
    }
}
