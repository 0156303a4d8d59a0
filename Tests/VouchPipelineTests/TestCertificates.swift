import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A certificate authority made for one test, and a receiver certificate it signs for one
/// DNS name: enough to see whether the sender checks a certificate against the name.
struct TestCertificates {
    let authority: NIOSSLCertificate
    let receiver: NIOSSLCertificate
    let receiverKey: NIOSSLPrivateKey

    init(receiverName: String) throws {
        let authorityKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let authorityName = try DistinguishedName { CommonName("Vouch test authority") }
        let authority = try Self.certificate(subject: authorityName, key: authorityKey.publicKey, signedBy: authorityKey, as: authorityName,
                                             extensions: Certificate.Extensions {
                                                 Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                                                 Critical(KeyUsage(keyCertSign: true))
                                             })
        let receiverKey = P256.Signing.PrivateKey()
        let receiver = try Self.certificate(subject: DistinguishedName { CommonName(receiverName) }, key: Certificate.PrivateKey(receiverKey).publicKey,
                                            signedBy: authorityKey, as: authorityName,
                                            extensions: Certificate.Extensions { SubjectAlternativeNames([.dnsName(receiverName)]) })
        self.authority = try Self.nioCertificate(authority)
        self.receiver = try Self.nioCertificate(receiver)
        self.receiverKey = try NIOSSLPrivateKey(bytes: Array(receiverKey.pemRepresentation.utf8), format: .pem)
    }

    /// The receiver's side of the handshake.
    func serverContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: [.certificate(receiver)], privateKey: .privateKey(receiverKey)))
    }

    /// A client configuration that trusts this authority alone, with full verification.
    var clientConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates([authority])
        return configuration
    }

    private static func certificate(subject: DistinguishedName, key: Certificate.PublicKey, signedBy issuerKey: Certificate.PrivateKey,
                                    as issuer: DistinguishedName, extensions: Certificate.Extensions) throws -> Certificate {
        let now = Date()
        return try Certificate(version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key,
                               notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(3600),
                               issuer: issuer, subject: subject, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                               issuerPrivateKey: issuerKey)
    }

    private static func nioCertificate(_ certificate: Certificate) throws -> NIOSSLCertificate {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
    }
}
