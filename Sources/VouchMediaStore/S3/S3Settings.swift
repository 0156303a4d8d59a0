/// Where and as whom the S3 backend stores media: any S3-compatible service (AWS S3, MinIO,
/// Ceph's radosgw, Cloudflare R2, moto in the tests), as a configuration file spells it.
public struct S3Settings: Sendable, Codable, Equatable {
    /// The service's base URL, such as `http://127.0.0.1:9000` or `https://s3.eu-west-1.amazonaws.com`.
    public var endpoint: String
    public var region: String
    public var bucket: String
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Whether the bucket is the path's first segment (`endpoint/bucket/key`, what MinIO and
    /// most self-hosted services expect) or the host's first label (`bucket.endpoint/key`).
    public var pathStyle: Bool

    public init(endpoint: String, region: String, bucket: String, accessKeyID: String, secretAccessKey: String, pathStyle: Bool = true) {
        self.endpoint = endpoint
        self.region = region
        self.bucket = bucket
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.pathStyle = pathStyle
    }

    private enum CodingKeys: String, CodingKey {
        case endpoint, region, bucket, accessKeyID, secretAccessKey, pathStyle
    }

    /// As written, with `pathStyle` true when a configuration file leaves it out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            endpoint: try container.decode(String.self, forKey: .endpoint),
            region: try container.decode(String.self, forKey: .region),
            bucket: try container.decode(String.self, forKey: .bucket),
            accessKeyID: try container.decode(String.self, forKey: .accessKeyID),
            secretAccessKey: try container.decode(String.self, forKey: .secretAccessKey),
            pathStyle: try container.decodeIfPresent(Bool.self, forKey: .pathStyle) ?? true
        )
    }
}
