import Crypto
import Foundation
import SwiftASN1
import Testing
@testable import VouchProvenance
import X509

/// C2PA's certificate profile for claim signers, on self-issued certificates made here.
@Suite struct SignerCertificateTests {
    static func signer(_ extensions: () throws -> Certificate.Extensions) throws -> SignerCertificate {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Vouch Test")
            CommonName("Profile Signer")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: Date() - 3600, notValidAfter: Date() + 3600,
            issuer: name, subject: name, extensions: try extensions(), issuerPrivateKey: .init(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return try SignerCertificate(chain: [Data(serializer.serializedBytes)])
    }

    @Test func aClaimSigningCertificateMeetsTheProfile() throws {
        let signer = try Self.signer {
            try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.emailProtection])
            }
        }
        try signer.checkProfile()
        #expect(signer.signer == "Profile Signer" && signer.issuer == "Vouch Test")
    }

    @Test func eachBreachOfTheProfileIsAMismatch() throws {
        let breaches: [(String, () throws -> Certificate.Extensions)] = [
            ("no key usage", { try Certificate.Extensions { try ExtendedKeyUsage([.emailProtection]) } }),
            ("no digitalSignature", { try Certificate.Extensions { Critical(KeyUsage(keyEncipherment: true)); try ExtendedKeyUsage([.emailProtection]) } }),
            ("no extended key usage", { try Certificate.Extensions { Critical(KeyUsage(digitalSignature: true)) } }),
            ("any extended key usage", { try Certificate.Extensions { Critical(KeyUsage(digitalSignature: true)); try ExtendedKeyUsage([.any, .emailProtection]) } }),
            ("server authentication only", { try Certificate.Extensions { Critical(KeyUsage(digitalSignature: true)); try ExtendedKeyUsage([.serverAuth]) } }),
            ("a CA", {
                try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([.emailProtection])
                }
            }),
        ]
        for (name, extensions) in breaches {
            let signer = try Self.signer(extensions)
            #expect(throws: ProvenanceError.self, "\(name)") { try signer.checkProfile() }
        }
    }

    @Test func aSelfSignedSignerIsNotTrustedWithoutAnAnchor() async throws {
        let signer = try Self.signer {
            try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.emailProtection])
            }
        }
        #expect(await signer.isTrusted(by: []) == false)
    }

    @Test func garbageInX5ChainIsMalformed() {
        #expect(throws: ProvenanceError.malformed("a certificate in x5chain does not parse")) {
            try SignerCertificate(chain: [Data([0x30, 0x03, 0x02, 0x01])])
        }
    }
}
