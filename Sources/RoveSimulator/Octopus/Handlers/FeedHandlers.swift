// A feed's packages: search by id (`SearchPackagesTemplate`) and one package's versions
// (`SearchPackageVersionsTemplate`), as the built-in feed answers them.

import Foundation

extension OctopusService {
    static let packageVersionsQuery = "{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}"

    /// The packages a feed holds in this space; only the built-in feed has any.
    func feedPackages(_ feed: JSONValue, _ context: RouteContext) -> [PackageVersion] {
        guard feed["FeedType"]?.stringValue == "BuiltIn" else { return [] }
        return store.packages.filter { $0.spaceId == context.space }
    }

    /// `packages/search{?term,take,skip}`: one `PackageDescription` per package id containing
    /// `term`, by id, each with its latest version.
    func searchPackages(_ context: RouteContext) throws -> SimResponse {
        let feed = try existing(.feed, context.param("id"), context)
        let feedId = feed["Id"]?.stringValue ?? ""
        let term = context.query("term")?.lowercased()
        var latest: [String: PackageVersion] = [:]
        for package in feedPackages(feed, context) where term.map({ package.packageId.lowercased().contains($0) }) ?? true {
            if let known = latest[package.packageId],
               let old = PackageVersionOrder(known.version), let new = PackageVersionOrder(package.version), !(old < new) { continue }
            latest[package.packageId] = package
        }
        let packages = latest.values.sorted { $0.packageId.lowercased() < $1.packageId.lowercased() }
        let path = "/api/\(context.space)/feeds/\(feedId)/packages/search"
        let page = try CollectionPage.render(packages, itemType: "PackageDescription", path: path,
                                             template: path + "{?term,take,skip}", context: context) { package in
            .object([("Id", .string(package.packageId)), ("Name", .string(package.packageId)), ("Description", ""),
                     ("LatestVersion", .string(package.version)), ("Links", .object([]))])
        }
        return OctopusResponses.json(page)
    }

    /// `packages/versions`: one package's versions, highest first, with `SizeBytes`.
    /// `packageId` is required (400 without it, as the Swagger says); `versionRange` takes NuGet
    /// ranges, `preReleaseTag` a pattern for the tag, `filter` a part of the version; pre-releases
    /// are left out unless `includePreRelease=true`.
    func packageVersions(_ context: RouteContext) throws -> SimResponse {
        let feed = try existing(.feed, context.param("id"), context)
        let feedId = feed["Id"]?.stringValue ?? ""
        guard let packageId = context.query("packageId")?.lowercased() else {
            throw OctopusFailure.invalid("No packageId parameter was provided.")
        }
        var range: PackageVersionRange? = nil
        if let text = context.query("versionRange") {
            guard let parsed = PackageVersionRange(text) else {
                throw OctopusFailure.invalid("The version range '\(text)' is not valid. Use NuGet syntax, such as '[1.0,2.0)'.")
            }
            range = parsed
        }
        let tagPattern = try context.query("preReleaseTag").map { pattern -> NSRegularExpression in
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                throw OctopusFailure.invalid("The pre-release tag '\(pattern)' is not a valid regular expression.")
            }
            return expression
        }
        let includePreRelease = context.queryBool("includePreRelease") ?? false
        let filter = context.query("filter")?.lowercased()
        let versions = feedPackages(feed, context).compactMap { package -> (PackageVersion, PackageVersionOrder)? in
            guard package.packageId.lowercased() == packageId, let order = PackageVersionOrder(package.version) else { return nil }
            if !order.preRelease.isEmpty && !includePreRelease && tagPattern == nil { return nil }
            if let range, !range.contains(order) { return nil }
            if let tagPattern {
                let tag = order.preRelease
                let whole = NSRange(tag.startIndex..., in: tag)
                guard tagPattern.firstMatch(in: tag, range: whole) != nil else { return nil }
            }
            if let filter, !package.version.lowercased().contains(filter) { return nil }
            return (package, order)
        }.sorted { $1.1 < $0.1 }.map(\.0)
        let includeNotes = context.queryBool("includeReleaseNotes") ?? false
        let path = "/api/\(context.space)/feeds/\(feedId)/packages/versions"
        let page = try CollectionPage.render(versions, itemType: "PackageVersion", path: path,
                                             template: path + Self.packageVersionsQuery, context: context) { package in
            .object([("Id", .string("\(feedId)-\(package.packageId).\(package.version)")), ("PackageId", .string(package.packageId)),
                     ("Version", .string(package.version)), ("Published", .string(OctopusTime.iso(package.published))),
                     ("SizeBytes", .int(package.sizeBytes)), ("Title", .string(package.packageId)),
                     ("ReleaseNotes", includeNotes ? .string("Release \(package.version) of \(package.packageId).") : .null),
                     ("FeedId", .string(feedId)), ("Links", .object([]))])
        }
        return OctopusResponses.json(page)
    }
}
