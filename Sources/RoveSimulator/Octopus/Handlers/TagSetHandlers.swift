// Tag sets and their tags, and the canonical `TagSet/Tag` names tenants carry in `TenantTags`.

extension OctopusService {
    func createTagSet(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let siblings = store.documents(.tagSet, in: context.space)
        let name = try requireUniqueName(body, kind: .tagSet, siblings: siblings)
        let id = store.nextId(.tagSet)
        let nextOrder = (siblings.compactMap { $0["SortOrder"]?.intValue }.max() ?? -1) + 1
        var values = body.objectPairs ?? []
        values += [("Name", .string(name)), ("SortOrder", .int(body["SortOrder"]?.intValue ?? nextOrder)),
                   ("Tags", .array(try tags(body["Tags"], setId: id, setName: name, previous: []))),
                   ("LastModifiedOn", timestamp())]
        let tagSet = ResourceDefaults.make(.tagSet, id: id, spaceId: context.space, values)
        store.insert(.tagSet, tagSet)
        return OctopusResponses.json(render(.tagSet, tagSet), status: 201)
    }

    /// PUT: tags keep their ids; a renamed set or tag is renamed on every tenant carrying it,
    /// and a removed tag is taken off them, so `TenantTags` never names a tag that is gone.
    func updateTagSet(_ context: RouteContext) throws -> SimResponse {
        let current = try existing(.tagSet, context.param("id"), context)
        let body = try context.body()
        let id = current["Id"]?.stringValue ?? ""
        var name = current["Name"]?.stringValue ?? ""
        if body["Name"] != nil {
            name = try requireUniqueName(body, kind: .tagSet, siblings: store.documents(.tagSet, in: context.space), excluding: id)
        }
        let previous = current["Tags"]?.arrayValue ?? []
        let updatedTags = body["Tags"] == nil
            ? try tags(.array(previous), setId: id, setName: name, previous: previous)
            : try tags(body["Tags"], setId: id, setName: name, previous: previous)
        var tagSet = current
        tagSet.set("Name", .string(name))
        tagSet.set("Tags", .array(updatedTags))
        for key in ["Description", "SortOrder"] {
            if let value = body[key], !value.isNull { tagSet.set(key, value) }
        }
        tagSet.set("LastModifiedOn", timestamp())
        store.insert(.tagSet, tagSet)
        var renamed: [String: String] = [:]
        for tag in previous {
            let canonical = tag["CanonicalTagName"]?.stringValue ?? ""
            renamed[canonical] = updatedTags.first { $0["Id"] == tag["Id"] }?["CanonicalTagName"]?.stringValue ?? ""
        }
        retagTenants(renamed, spaceId: context.space)
        return OctopusResponses.json(render(.tagSet, tagSet))
    }

    func deleteTagSet(_ context: RouteContext) throws -> SimResponse {
        let tagSet = try existing(.tagSet, context.param("id"), context)
        store.remove(.tagSet, tagSet)
        let gone = (tagSet["Tags"]?.arrayValue ?? []).compactMap { $0["CanonicalTagName"]?.stringValue }
        retagTenants(Dictionary(gone.map { ($0, "") }, uniquingKeysWith: { first, _ in first }), spaceId: context.space)
        return OctopusResponses.empty()
    }

    /// Tags as stored: each needs a Name unique in its set; ids are kept or assigned
    /// (`TagSets-1-3`), and `CanonicalTagName` always follows the set and tag names.
    func tags(_ sent: JSONValue?, setId: String, setName: String, previous: [JSONValue]) throws -> [JSONValue] {
        guard let sent, !sent.isNull else { return [] }
        guard let items = sent.arrayValue else { throw OctopusFailure.invalid("Tags must be a list of tags.") }
        var next = (previous.compactMap { $0["Id"]?.stringValue?.split(separator: "-").last.flatMap { Int($0) } }.max() ?? 0) + 1
        var seen = Set<String>()
        var result: [JSONValue] = []
        for (index, item) in items.enumerated() {
            guard case .object = item, let name = item["Name"]?.stringValue?.trimmedSpaces(), !name.isEmpty else {
                throw OctopusFailure.invalid("Tag \(index + 1) needs a Name.")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw OctopusFailure.invalid("The tag '\(name)' appears more than once in the tag set '\(setName)'.")
            }
            var id = item["Id"]?.stringValue ?? ""
            if !previous.contains(where: { $0["Id"]?.stringValue == id }) {
                id = "\(setId)-\(next)"
                next += 1
            }
            result.append(.object([
                ("Id", .string(id)), ("Name", .string(name)), ("CanonicalTagName", .string("\(setName)/\(name)")),
                ("Color", item["Color"]?.stringValue.map(JSONValue.string) ?? "#333333"),
                ("Description", item["Description"]?.stringValue.map(JSONValue.string) ?? ""),
                ("SortOrder", .int(item["SortOrder"]?.intValue ?? index)),
            ]))
        }
        return result
    }

    /// Every `TagSet/Tag` of a space, by lowercased canonical name.
    func canonicalTags(in spaceId: String) -> [String: String] {
        var names: [String: String] = [:]
        for tagSet in store.documents(.tagSet, in: spaceId) {
            for tag in tagSet["Tags"]?.arrayValue ?? [] {
                if let canonical = tag["CanonicalTagName"]?.stringValue { names[canonical.lowercased()] = canonical }
            }
        }
        return names
    }

    /// A tenant's `TenantTags` as sent, each matched to a tag of the space (and spelt as the
    /// tag set spells it); a tag that does not exist is a 400.
    func validatedTenantTags(_ body: JSONValue, spaceId: String) throws -> JSONValue? {
        guard let sent = body["TenantTags"], !sent.isNull else { return nil }
        guard let items = sent.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            throw OctopusFailure.invalid("TenantTags must be a list of canonical tag names, such as 'Tier/Gold'.")
        }
        let known = canonicalTags(in: spaceId)
        var tags: [String] = []
        for name in items.compactMap(\.stringValue) {
            guard let canonical = known[name.lowercased()] else {
                throw OctopusFailure.invalid("The tag '\(name)' could not be found. Tags are named 'TagSet/Tag'.")
            }
            if !tags.contains(canonical) { tags.append(canonical) }
        }
        return .strings(tags)
    }

    /// Renames (`old → new`) or removes (`old → ""`) tags on every tenant of a space.
    func retagTenants(_ changes: [String: String], spaceId: String) {
        guard changes.contains(where: { $0.key != $0.value }) else { return }
        for tenant in store.documents(.tenant, in: spaceId) {
            let tags = tenant["TenantTags"]?.stringArray ?? []
            let updated = tags.compactMap { tag -> String? in
                guard let change = changes[tag] else { return tag }
                return change.isEmpty ? nil : change
            }
            guard updated != tags else { continue }
            var changed = tenant
            changed.set("TenantTags", .strings(updated))
            store.insert(.tenant, changed)
        }
    }
}
