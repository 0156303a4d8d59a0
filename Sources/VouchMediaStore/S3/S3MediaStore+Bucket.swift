import Crypto
import Foundation
import NIOCore
import VouchEncoding

extension S3MediaStore {
    /// Creates the settings' bucket; one that this account already owns is not an error. For
    /// setting up a new deployment (and for the tests, which make a bucket each).
    public func createBucket() async throws(MediaStoreError) {
        // us-east-1 takes no configuration; every other region must be named in the body.
        let configuration = settings.region == "us-east-1" ? "" :
            "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<LocationConstraint>\(settings.region)</LocationConstraint></CreateBucketConfiguration>"
        let bytes = Data(configuration.utf8)
        let response = try await send(
            .PUT, key: nil, body: .bytes(ByteBuffer(bytes: bytes)),
            payloadHash: SHA256.hash(data: bytes).hexEncodedString
        )
        if response.status.code == 200 {
            await drain(response)
            return
        }
        let error = await failure(of: response)
        if case .remote(_, let code, _) = error, code == "BucketAlreadyOwnedByYou" { return }
        throw error
    }
}
