// How one generic DeployHQ collection behaves: where it lives, its wrapper key, fields and rules.

/// Whether a collection hangs off a project (`/projects/{p}/servers`) or the account (`/teams`).
enum ResourceScope: Sendable {
    case project
    case account
}

/// Which of index, show, create, update (PUT and PATCH) and destroy the spec declares.
struct ResourceOperations: OptionSet, Sendable {
    let rawValue: Int
    static let index = ResourceOperations(rawValue: 1)
    static let show = ResourceOperations(rawValue: 2)
    static let create = ResourceOperations(rawValue: 4)
    static let update = ResourceOperations(rawValue: 8)
    static let destroy = ResourceOperations(rawValue: 16)
    static let all: ResourceOperations = [.index, .show, .create, .update, .destroy]
}

/// UUID strings for almost everything; env vars use integers (research §2 "Conventions").
enum IdentifierStyle: Sendable {
    case uuid
    case integer
}

/// How a 422 reads: Rails' field-keyed hash, or the `{"errors": [...]}` list some controllers send.
enum ValidationStyle: Sendable {
    case fieldKeyed
    case errorList
}

/// Extra work when a document is shown: embedding, lazy revisions, masking.
enum Presentation: Sendable {
    case plain
    /// `last_revision` derived from finished deployments at read time.
    case server
    /// Embeds its servers and derives `last_revision` like a server.
    case serverGroup
    /// Never shows `value`; `masked_value` instead, fully masked once locked.
    case environmentVariable
}

/// One collection served by the generic handler (Handlers/ResourceHandlers.swift).
struct CollectionKind: Sendable {
    /// The path segment: `servers`, `global_config_files`.
    let path: String
    /// Where documents are kept; `commands` and `ssh_commands` share one.
    let collection: String
    /// The request body's wrapper key: `{"server": {...}}`.
    let wrapper: String
    /// For 404 messages: `Server`.
    let noun: String
    let scope: ResourceScope
    let operations: ResourceOperations
    /// Fields that must be present and non-empty on create.
    let required: [String]
    /// Fields whose value must be one of a list (`timing` of SSH commands).
    let choices: [(field: String, values: [String])]
    let createStatus: Int
    /// 200 with `{"status": …}` for most, 204 for env vars.
    let deleteStatus: Int
    let identifiers: IdentifierStyle
    let validation: ValidationStyle
    let presentation: Presentation
    /// The known fields in order with their defaults; body keys outside this list are ignored.
    let fields: [(String, JSONValue)]

    init(_ path: String, collection: String? = nil, wrapper: String, noun: String, scope: ResourceScope,
         operations: ResourceOperations = .all, required: [String], choices: [(field: String, values: [String])] = [],
         createStatus: Int = 200, deleteStatus: Int = 200, identifiers: IdentifierStyle = .uuid,
         validation: ValidationStyle = .fieldKeyed, presentation: Presentation = .plain, fields: [(String, JSONValue)]) {
        self.path = path
        self.collection = collection ?? path
        self.wrapper = wrapper
        self.noun = noun
        self.scope = scope
        self.operations = operations
        self.required = required
        self.choices = choices
        self.createStatus = createStatus
        self.deleteStatus = deleteStatus
        self.identifiers = identifiers
        self.validation = validation
        self.presentation = presentation
        self.fields = fields
    }

    /// The route pattern of the collection, OpenAPI-style.
    var collectionPattern: String {
        switch scope {
        case .project: return "projects/{project_id}/\(path)"
        case .account: return path
        }
    }
}
