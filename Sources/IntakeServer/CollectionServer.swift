import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL

/// Runs the collection service until SIGTERM or SIGINT.
public enum CollectionServer {
    /// A logger writing one JSON object a line (see `JSONLogHandler`).
    public static func logger(level: Logger.Level = .info) -> Logger {
        var l = Logger(label: "intake-server") { JSONLogHandler(label: $0) }
        l.logLevel = level
        return l
    }

    public static func run(config: ServerConfig, logger: Logger) async throws {
        let database = CollectionDatabase(settings: config.database, logger: logger)
        let router = CollectionRoutes.router(database: database, config: config, logger: logger)
        let server: HTTPServerBuilder
        if let cert = config.tlsCertificate, let key = config.tlsKey {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        let scheme = config.tlsCertificate == nil ? "http" : "https"
        var app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: "intake"),
            services: [database.client],
            onServerRunning: { channel in
                logger.info("listening", metadata: ["address": "\(scheme)://\(config.host):\(channel.localAddress?.port ?? config.port)",
                                                     "pid": "\(getpid())"])
            },
            logger: logger)
        app.beforeServerStarts {
            try await database.migrate()
        }
        try await app.runService()
    }

    /// Runs `body` with a connected database whose schema is up to date
    /// (the admin commands).
    public static func withDatabase<T: Sendable>(config: ServerConfig, logger: Logger,
                                                 _ body: @Sendable (CollectionDatabase) async throws -> T) async throws -> T {
        let database = CollectionDatabase(settings: config.database, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            try await database.migrate()
            return try await body(database)
        }
    }
}
