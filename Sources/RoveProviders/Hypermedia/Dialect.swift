// What differs between APIs under one object model: links, identity, addresses, tasks, paging.

import RoveCore
import RoveHTTP

/// How one API spells the things the object model needs (DESIGN §3: "each provider is an
/// adapter that turns responses into it"). Octopus reads them off `Links` and `Items`; DeployHQ,
/// which has no links, derives them from a resource's address and its resource graph.
///
/// `address` is where a resource was read from, host-relative and without a query
/// (`projects/web/servers/8f0c…`); hypermedia APIs carry their own `Self` and ignore it.
protocol Dialect: AnyObject {
    /// The resource's links by name, as URI templates.
    func links(of document: Fields, at address: String?) -> Fields
    /// Where a write, reload or delete of the resource goes.
    func selfLink(of document: Fields, at address: String?) -> String?
    /// What identifies a resource (`Id`); de-duplicates pages and compares resources.
    func identity(of document: Fields) -> String?
    /// The address of an item read from the collection at `collection`, or nil when items
    /// carry their own links.
    func address(ofItem item: Fields, inCollection collection: String) -> String?
    /// The address of item `id` of the collection at `collection`, for `get(id)` on a link
    /// without an `{id}`; nil when the API cannot say.
    func address(ofItem id: String, inCollection collection: String) -> String?
    /// A short name for the resource's kind (`Project`, `ServerTask`), for `print`.
    func kind(of document: Fields, at address: String?) -> String?
    /// Whether the rows of a list may leave out fields the resource's own document has.
    var listRowsAreAbridged: Bool { get }
    /// The display name `find(name:)` compares.
    func name(of document: Fields) -> String?
    /// Whether the resource is a task that `wait()`, `log` and `cancel()` apply to.
    func isTask(_ document: Fields, at address: String?) -> Bool
    /// Reads a collection document, or nil when `document` is not one.
    func page(of document: Value) -> Page?
    /// The template arguments that ask for `size` items from `offset` of a link whose template
    /// has `variables`.
    func pageArguments(offset: Int, size: Int, variables: [String]) -> [String: TemplateValue]
    /// Where a link's own arguments start its pages and how big they make them, when given.
    func requestedPaging(in arguments: [String: TemplateValue]) -> (offset: Int, size: Int?)
    /// Whether a link is to a list endpoint, so members like `count` need no probe request.
    func isCollection(template: String, variables: [String]) -> Bool
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
    /// The server's own page size, which `next`, `prev` and `page(n)` step by when the script
    /// gave none.
    var defaultPageSize: Int { get }
    /// `body` as the API wants it sent to `address` (DeployHQ wraps it in the
    /// resource's key).
    func requestBody(_ body: Value, to address: String) -> Value
    /// What `save()` sends, given the document as last read and as the script changed it.
    func saveBody(of document: Fields, fetched: Fields, at address: String?) -> Value
    /// Under a dry run, what the script goes on with in place of the answer to a POST of
    /// `body` to `address`: the body with a placeholder identifier from `plan`, and whatever
    /// the write would imply. Nil when the answer is nothing the script reads.
    func standIn(for body: Value?, sentTo address: String, plan: DryRun) -> StandIn?
    /// A field as a script sees it (DeployHQ turns embedded lists it can address into resources).
    func field(_ name: String, _ value: Value, of resource: Resource) throws -> Value
    /// Members and methods the API adds to a resource beyond its fields and links
    /// (DeployHQ's `deploy(to:)`, `abort()`, `logs`); nil when `name` is not one.
    func member(_ name: String, of resource: Resource) throws -> Value?
    func method(_ name: String, of resource: Resource, with arguments: Arguments) throws -> Value?
    /// Their names and one line each, for Tab, help and "did you mean".
    func memberHelp(of resource: Resource) -> [HelpTopic.Entry]
    /// A task's whole log as text, or nil when it has none.
    func log(of task: Resource) throws -> String?
    /// Asks the server to stop a task; the answer, when it is the task's new document.
    func cancel(_ task: Resource) throws -> Fields?
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
    /// What it is doing, for the progress line (`Deploy Web release 1.2`, the step running).
    var activity: String?
}
