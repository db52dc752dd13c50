// What differs between APIs under one object model: links, identity, tasks, paging.

import RoveCore
import RoveHTTP

/// How one API spells the things the object model needs (DESIGN §3: "each provider is an
/// adapter that turns responses into it"). Octopus reads them off `Links` and `Items`; DeployHQ
/// will derive them from its resource graph.
protocol Dialect: AnyObject {
    /// The document's links by name, as URI templates.
    func links(of document: Fields) -> Fields
    /// What identifies a resource (`Id`); de-duplicates pages and compares resources.
    func identity(of document: Fields) -> String?
    /// A short name for the resource's kind (`Project`, `ServerTask`), for `print`.
    func kind(of document: Fields) -> String?
    /// The display name `find(name:)` compares.
    func name(of document: Fields) -> String?
    /// Whether the resource is a task that `wait()`, `log` and `cancel()` apply to.
    func isTask(_ document: Fields) -> Bool
    /// Reads a collection document, or nil when `document` is not one.
    func page(of document: Value) -> Page?
    /// The template arguments that ask for `size` items from `offset`.
    func pageArguments(offset: Int, size: Int) -> [String: TemplateValue]
    /// Where a link's own arguments start its pages and how big they make them, when given.
    func requestedPaging(in arguments: [String: TemplateValue]) -> (offset: Int, size: Int?)
    /// Whether a template is for a list endpoint, so members like `count` need no probe request.
    func isCollection(template variables: [String]) -> Bool
    /// The server-side filters `find(name:)` may push down, most specific first.
    var nameFilters: [String] { get }
    /// Task states: in progress, and finished well.
    func taskState(of document: Fields) -> TaskState
    /// The largest page a walk asks for: bigger pages mean fewer round trips, smaller ones a
    /// sooner first item and less memory per page.
    var walkPageSize: Int { get }
    /// The first page of a walk: small, so a `for` loop's first item comes after one quick
    /// request. APIs that page by number need it equal to `walkPageSize`.
    var firstPageSize: Int { get }
}

/// One page of a collection, in whatever shape the API sent it.
struct Page {
    var items: [Value]
    /// Items across every page, when the API says (Octopus `TotalResults`).
    var total: Int?
    /// The link to the next page, when the API gives one.
    var next: String?
    /// Where this page starts and how many it holds at most.
    var offset: Int
    var size: Int
}

/// Where a task is in its life.
struct TaskState {
    var name: String
    var isCompleted: Bool
    var succeeded: Bool
    /// The server's short summary of a failure.
    var errorMessage: String?
    /// Whether it is paused until someone answers a manual intervention.
    var pendingInterruption: Bool
}
