// The generic nested-resource handler: index, show, create, update, destroy for catalog kinds.

import Foundation

extension DeployHQService {
    /// The owner key of a kind's documents: the project's identifier, or `""` for the account.
    func owner(_ kind: CollectionKind, _ context: DeployHQContext) throws -> String {
        switch kind.scope {
        case .account: return ""
        case .project: return try project(context.param(0))["identifier"]?.stringValue ?? ""
        }
    }

    /// The `{id}` parameter: last in the pattern.
    func memberReference(_ context: DeployHQContext) -> String { context.params.last ?? "" }

    func index(_ kind: CollectionKind, _ context: DeployHQContext) -> SimResponse {
        guard let owner = try? owner(kind, context) else {
            return DeployHQFailure.recordNotFound("Project").response
        }
        let documents = store.documents(kind.collection, owner: owner).map { present($0, kind, owner: owner) }
        return DeployHQResponses.json(.array(documents))
    }

    func show(_ kind: CollectionKind, _ context: DeployHQContext) throws -> SimResponse {
        let owner = try owner(kind, context)
        let document = try member(kind, context, owner: owner).document
        return DeployHQResponses.json(present(document, kind, owner: owner))
    }

    func create(_ kind: CollectionKind, _ context: DeployHQContext) throws -> SimResponse {
        let owner = try owner(kind, context)
        let input = try context.wrapped(kind.wrapper)
        var errors: [(String, [String])] = kind.required.filter { input.text($0) == nil }.map { ($0, ["can't be blank"]) }
        errors += choiceErrors(kind, input)
        errors += specificErrors(kind, input, owner: owner, creating: true)
        try reject(errors, kind)
        var pairs: [(String, JSONValue)] = []
        switch kind.identifiers {
        case .uuid: pairs.append(("identifier", .string(store.uuid())))
        case .integer: pairs.append(("identifier", .int(store.integerIdentifier())))
        }
        let stamp = OctopusTime.iso(now())
        for (key, fallback) in kind.fields {
            var value = input.value(key) ?? fallback
            if key == "created_at" || key == "updated_at" { value = .string(stamp) }
            if key == "id" { value = .int(store.integerIdentifier()) }
            pairs.append((key, value))
        }
        var document = JSONValue.object(pairs)
        applyMasking(&document, kind, input: input, creating: true)
        store.append(document, kind.collection, owner: owner)
        return DeployHQResponses.json(present(document, kind, owner: owner), status: kind.createStatus)
    }

    func update(_ kind: CollectionKind, _ context: DeployHQContext) throws -> SimResponse {
        let owner = try owner(kind, context)
        let (index, old) = try member(kind, context, owner: owner)
        let input = try context.wrapped(kind.wrapper)
        var errors: [(String, [String])] = kind.required.filter { key in
            if case .string(let text)? = input.value(key) { return text.isEmpty }
            return false
        }.map { ($0, ["can't be blank"]) }
        errors += choiceErrors(kind, input)
        errors += specificErrors(kind, input, owner: owner, creating: false)
        try reject(errors, kind)
        var document = old
        for (key, _) in kind.fields where key != "id" && key != "created_at" && key != "masked_value" {
            if let value = input.value(key) { document.set(key, value) }
        }
        if document["updated_at"] != nil { document.set("updated_at", .string(OctopusTime.iso(now()))) }
        // Locking is irreversible (spec tag "Environment Variables").
        if old["locked"]?.boolValue == true { document.set("locked", true) }
        applyMasking(&document, kind, input: input, creating: false)
        var all = store.documents(kind.collection, owner: owner)
        all[index] = document
        store.setDocuments(all, kind.collection, owner: owner)
        return DeployHQResponses.json(present(document, kind, owner: owner))
    }

    func destroy(_ kind: CollectionKind, _ context: DeployHQContext) throws -> SimResponse {
        let owner = try owner(kind, context)
        let (index, document) = try member(kind, context, owner: owner)
        if kind.presentation == .server, let identifier = document["identifier"]?.stringValue,
           hasUnfinishedDeployment(project: owner, touching: identifier) {
            throw DeployHQFailure.validation([("base", ["Cannot delete a server while a deployment is running"])])
        }
        var all = store.documents(kind.collection, owner: owner)
        all.remove(at: index)
        store.setDocuments(all, kind.collection, owner: owner)
        if kind.deleteStatus == 204 { return DeployHQResponses.noContent() }
        return DeployHQResponses.json(.object([("status", "deleted")]), status: kind.deleteStatus)
    }

    func member(_ kind: CollectionKind, _ context: DeployHQContext, owner: String) throws -> (index: Int, document: JSONValue) {
        let reference = memberReference(context)
        guard let index = store.index(of: reference, kind.collection, owner: owner) else {
            throw DeployHQFailure.recordNotFound(kind.noun)
        }
        return (index, store.documents(kind.collection, owner: owner)[index])
    }

    private func choiceErrors(_ kind: CollectionKind, _ input: [(String, JSONValue)]) -> [(String, [String])] {
        kind.choices.compactMap { choice in
            guard let value = input.value(choice.field), !value.isNull else { return nil }
            return choice.values.contains(value.stringValue ?? "") ? nil : (choice.field, ["is not included in the list"])
        }
    }

    /// Rules beyond presence: env-var names, server-group membership targets.
    private func specificErrors(_ kind: CollectionKind, _ input: [(String, JSONValue)], owner: String,
                                creating: Bool) -> [(String, [String])] {
        switch kind.presentation {
        case .environmentVariable:
            guard let name = input.text("name") else { return [] }
            let letters = name.unicodeScalars
            let valid = letters.first.map { CharacterSet.asciiLetters.contains($0) } == true
                && letters.allSatisfy { CharacterSet.asciiLetters.contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            return valid ? [] : [("name", ["must start with a letter and contain only letters, numbers and underscores"])]
        case .server:
            guard let group = input.text("server_group_identifier") else { return [] }
            let exists = store.index(of: group, "server_groups", owner: owner) != nil
            return exists ? [] : [("server_group", ["must exist"])]
        case .plain, .serverGroup:
            return []
        }
    }

    private func reject(_ errors: [(String, [String])], _ kind: CollectionKind) throws {
        guard !errors.isEmpty else { return }
        switch kind.validation {
        case .fieldKeyed: throw DeployHQFailure.validation(errors)
        case .errorList:
            throw DeployHQFailure.validationList(errors.flatMap { field, messages in
                messages.map { "\(field.prefix(1).uppercased() + field.dropFirst().replacingOccurrences(of: "_", with: " ")) \($0)" }
            })
        }
    }

    /// Env vars never keep `value`: only its mask, fully hidden once locked.
    private func applyMasking(_ document: inout JSONValue, _ kind: CollectionKind, input: [(String, JSONValue)], creating: Bool) {
        guard kind.presentation == .environmentVariable else { return }
        document.remove("value")
        let locked = document["locked"]?.boolValue == true
        if let value = input.text("value") {
            document.set("masked_value", .string(EnvironmentMask.mask(value, locked: locked)))
        } else if locked {
            document.set("masked_value", "********")
        }
    }

    /// A stored document as the API shows it: lazy revisions, embedded servers.
    func present(_ document: JSONValue, _ kind: CollectionKind, owner: String) -> JSONValue {
        switch kind.presentation {
        case .plain, .environmentVariable:
            return document
        case .server:
            var shown = document
            if let identifier = document["identifier"]?.stringValue, let revision = lastRevision(project: owner, target: identifier) {
                shown.set("last_revision", .string(revision))
            }
            return shown
        case .serverGroup:
            var shown = document
            let identifier = document["identifier"]?.stringValue ?? ""
            let servers = store.documents("servers", owner: owner)
                .filter { $0["server_group_identifier"]?.stringValue == identifier }
                .map { present($0, ResourceCatalog.servers, owner: owner) }
            shown.set("servers", .array(servers))
            if let revision = lastRevision(project: owner, target: identifier) { shown.set("last_revision", .string(revision)) }
            return shown
        }
    }
}

/// `post****` for plain values, `********` for locked ones (research §3).
enum EnvironmentMask {
    static func mask(_ value: String, locked: Bool) -> String {
        locked ? "********" : String(value.prefix(4)) + "****"
    }
}

extension CharacterSet {
    static let asciiLetters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
}
