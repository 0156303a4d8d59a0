import Foundation
import Testing
import VouchLog

@Suite struct MerkleTreeTests {
    /// The inputs and roots of Certificate Transparency's reference tests (RFC 6962's tree, kept by RFC 9162).
    static let inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
    static let roots = ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]

    static var referenceLeaves: [TreeHash] {
        inputs.map { hex in TreeHash.leaf(stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }) }
    }

    @Test func theFrontierReachesTheReferenceRootsAtEverySize() {
        var frontier = TreeFrontier()
        #expect(frontier.root.hex == Self.roots[0])
        for (count, leaf) in Self.referenceLeaves.enumerated() {
            _ = frontier.append(leaf)
            #expect(frontier.root.hex == Self.roots[count + 1], "size \(count + 1)")
        }
    }

    @Test func proofsMatchTheReferenceVectors() {
        let nodes = Reference.nodes(Self.referenceLeaves)
        #expect(Reference.hashes(TreeShape.inclusionPath(leaf: 0, treeSize: 8), nodes).map(\.hex) ==
            ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"])
        #expect(Reference.hashes(TreeShape.consistencyPath(from: 6, to: 8), nodes).map(\.hex) ==
            ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"])
    }

    @Test func everyInclusionProofUpTo70LeavesIsTheRFCsAndVerifies() {
        let leaves = Reference.leaves(70)
        let nodes = Reference.nodes(leaves)
        for size in 1...70 {
            let root = Reference.root(leaves.prefix(size))
            #expect(TreeShape.hash(of: 0..<Int64(size), from: nodes) == root)
            for index in 0..<size {
                let hashes = Reference.hashes(TreeShape.inclusionPath(leaf: Int64(index), treeSize: Int64(size)), nodes)
                #expect(hashes == Reference.path(index, leaves.prefix(size)), "leaf \(index) of \(size)")
                let proof = InclusionProof(leafIndex: Int64(index), treeSize: Int64(size), hashes: hashes)
                #expect(proof.verify(leaf: leaves[index], root: root))
                #expect(!proof.verify(leaf: leaves[(index + 1) % 70], root: root), "another leaf")
                var wrongIndex = proof
                wrongIndex.leafIndex = (wrongIndex.leafIndex + 1) % Int64(size)
                #expect(size == 1 || !wrongIndex.verify(leaf: leaves[index], root: root), "another position")
                if !hashes.isEmpty {
                    var shortened = proof
                    shortened.hashes.removeLast()
                    #expect(!shortened.verify(leaf: leaves[index], root: root), "a shortened proof")
                }
            }
        }
    }

    @Test func aTailProofBindsEveryLaterLeafAndNoOther() {
        let leaves = Reference.leaves(40)
        for size in 1...40 {
            let root = Reference.root(leaves.prefix(size))
            for index in 0..<size {
                let proof = InclusionProof(leafIndex: Int64(index), treeSize: Int64(size),
                                           hashes: Reference.path(index, leaves.prefix(size)))
                let tail = Array(leaves[index..<size])
                #expect(proof.verifyTail(tail, root: root), "leaves \(index)..<\(size)")
                #expect(!proof.verifyTail(Array(tail.dropLast()), root: root), "a tail missing its last leaf")
                for dropped in 1..<tail.count {
                    var omitted = tail
                    omitted[dropped] = leaves[(index + dropped + 1) % 40]
                    #expect(!proof.verifyTail(omitted, root: root), "leaf \(index + dropped) replaced in \(index)..<\(size)")
                }
            }
        }
    }

    @Test func everyConsistencyProofUpTo40LeavesIsTheRFCsAndVerifies() {
        let leaves = Reference.leaves(40)
        let nodes = Reference.nodes(leaves)
        for newSize in 1...40 {
            let newRoot = Reference.root(leaves.prefix(newSize))
            for oldSize in 1...newSize {
                let oldRoot = Reference.root(leaves.prefix(oldSize))
                let hashes = Reference.hashes(TreeShape.consistencyPath(from: Int64(oldSize), to: Int64(newSize)), nodes)
                #expect(hashes == Reference.proof(oldSize, leaves.prefix(newSize)), "\(oldSize) → \(newSize)")
                let proof = ConsistencyProof(oldSize: Int64(oldSize), newSize: Int64(newSize), hashes: hashes)
                #expect(proof.verify(oldRoot: oldRoot, newRoot: newRoot))
                #expect(!proof.verify(oldRoot: leaves[0], newRoot: newRoot) || oldSize == 1 && leaves[0] == oldRoot, "a forged old root")
                if oldSize < newSize {
                    let forged = TreeHash.node(newRoot, newRoot)
                    #expect(!proof.verify(oldRoot: oldRoot, newRoot: forged), "a forged new root")
                }
            }
        }
    }

    @Test func nodeKeysRoundTripAndSubtreesTileTheTree() {
        for size in [1, 2, 3, 7, 8, 1000, 10_000_000] as [Int64] {
            let subtrees = TreeShape.subtrees(covering: 0..<size)
            #expect(subtrees.map { Int64($0.leaves.count) }.reduce(0, +) == size)
            #expect(subtrees.count == size.nonzeroBitCount)
            for node in subtrees { #expect(TreeNode(key: node.key) == node) }
        }
    }
}
