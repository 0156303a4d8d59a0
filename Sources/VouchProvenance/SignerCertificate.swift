import Foundation
import SwiftASN1
import X509

/// The signer's certificate chain from a claim signature, checked against the C2PA
/// certificate profile and then against the configured trust anchors.
struct SignerCertificate: Sendable {
    /// C2PA's claim-signing EKU (`c2pa-kp-claimSigning`) and RFC 9336's document signing.
    static let claimSigning: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 62558, 2, 1]
    static let documentSigning: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 36]

    var leaf: Certificate
    var intermediates: [Certificate]

    init(chain: [Data]) throws(ProvenanceError) {
        var certificates: [Certificate] = []
        for der in chain {
            do {
                certificates.append(try Certificate(derEncoded: [UInt8](der)))
            } catch {
                throw .malformed("a certificate in x5chain does not parse")
            }
        }
        guard let leaf = certificates.first else { throw .malformed("an empty x5chain") }
        self.leaf = leaf
        self.intermediates = Array(certificates.dropFirst())
    }

    /// The signer's name: the subject's common name, else its organisation.
    var signer: String? { Self.name(leaf.subject, prefer: .RDNAttributeType.commonName) }
    /// The issuer's organisation, else its common name.
    var issuer: String? { Self.name(leaf.issuer, prefer: .RDNAttributeType.organizationName) }

    /// C2PA's certificate profile for claim signers: a v3 end-entity certificate whose key
    /// may sign (digitalSignature) and whose extended key usage names claim signing,
    /// document signing or email protection, never "any".
    func checkProfile() throws(ProvenanceError) {
        guard leaf.version == .v3 else { throw .mismatch("the signing certificate is not X.509 v3") }
        let usage: KeyUsage?
        let extended: ExtendedKeyUsage?
        let constraints: BasicConstraints?
        do {
            usage = try leaf.extensions.keyUsage
            extended = try leaf.extensions.extendedKeyUsage
            constraints = try leaf.extensions.basicConstraints
        } catch {
            throw .mismatch("the signing certificate's extensions do not parse")
        }
        if case .isCertificateAuthority = constraints { throw .mismatch("the signing certificate is a CA") }
        guard let usage, usage.digitalSignature, !usage.keyCertSign else {
            throw .mismatch("the signing certificate's key usage lacks digitalSignature")
        }
        guard let extended, !extended.isEmpty else { throw .mismatch("the signing certificate has no extended key usage") }
        guard !extended.contains(.any) else { throw .mismatch("the signing certificate allows any extended key usage") }
        let allowed: [ExtendedKeyUsage.Usage] = [.init(oid: Self.claimSigning), .init(oid: Self.documentSigning), .emailProtection]
        guard extended.contains(where: allowed.contains) else { throw .mismatch("the signing certificate's extended key usage does not allow claim signing") }
    }

    /// Whether the chain ends at one of `anchors`, valid now under RFC 5280.
    func isTrusted(by anchors: [Certificate]) async -> Bool {
        guard !anchors.isEmpty else { return false }
        var verifier = Verifier(rootCertificates: CertificateStore(anchors)) {
            RFC5280Policy()
            ExtendedKeyUsageChecked()
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
        if case .validCertificate = result { return true }
        return false
    }

    private static func name(_ name: DistinguishedName, prefer first: ASN1ObjectIdentifier) -> String? {
        let attributes = name.flatMap { $0 }
        let fallback: ASN1ObjectIdentifier = first == .RDNAttributeType.commonName ? .RDNAttributeType.organizationName : .RDNAttributeType.commonName
        for type in [first, fallback] {
            if let attribute = attributes.first(where: { $0.type == type }) { return attribute.value.description }
        }
        return nil
    }
}

/// The extended key usage is enforced by `checkProfile` before chain building, so a leaf
/// that marks it critical must not be refused as carrying an unhandled critical extension.
private struct ExtendedKeyUsageChecked: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult { .meetsPolicy }
}
