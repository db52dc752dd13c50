// Manual interventions: appear when a task reaches them, then take responsibility and submit.

extension OctopusService {
    func createInterruption(title: String, taskId: String, related: [String], spaceId: String, at time: Double) -> String {
        let id = store.nextId(.interruption)
        let form: JSONValue = .object([
            ("Values", .object([("Instructions", .string("Please approve this deployment before it continues.")), ("Notes", .null), ("Result", .null)])),
            ("Elements", .array([
                .object([("Name", "Instructions"), ("Control", .object([("Type", "Paragraph"), ("Text", "Please approve this deployment before it continues."), ("ResolveLinks", false)])), ("IsValueRequired", false)]),
                .object([("Name", "Notes"), ("Control", .object([("Type", "TextArea"), ("Label", "Notes")])), ("IsValueRequired", false)]),
                .object([("Name", "Result"), ("Control", .object([("Type", "SubmitButtonGroup"), ("Buttons", .array([
                    .object([("Text", "Proceed"), ("Value", "Proceed"), ("RequiresConfirmation", false)]),
                    .object([("Text", "Abort"), ("Value", "Abort"), ("RequiresConfirmation", true)]),
                ]))])), ("IsValueRequired", false)]),
            ])),
        ])
        store.insert(.interruption, ResourceDefaults.make(.interruption, id: id, spaceId: spaceId, [
            ("Title", .string("Manual intervention: \(title)")), ("Created", .string(OctopusTime.iso(time))),
            ("Form", form), ("RelatedDocumentIds", .strings(related)), ("TaskId", .string(taskId)),
            ("CorrelationId", .string("\(taskId)_interruption")),
        ]))
        return id
    }

    func interruptionTask(_ interruption: JSONValue) -> TaskRecord? {
        interruption["TaskId"]?.stringValue.flatMap(store.task)
    }

    /// Listed only once its task has reached the intervention step.
    func interruptionIsVisible(_ interruption: JSONValue) -> Bool {
        guard let record = interruptionTask(interruption) else { return true }
        let timeline = taskDocuments.timeline(record)
        guard let pause = timeline.pausePoint else { return true }
        let reached = timeline.planOffset(at: record.canceledAt.map { min($0, now()) } ?? now()) >= pause
        return reached
    }

    /// `IsPending` and the submitted values follow the task record.
    func interruptionView(_ interruption: JSONValue) -> JSONValue {
        guard let record = interruptionTask(interruption) else { return interruption }
        var view = interruption
        let state = taskDocuments.timeline(record).snapshot(at: now()).state
        view.set("IsPending", .bool(record.decision == nil && !state.isCompleted))
        return view
    }

    func existingInterruption(_ context: RouteContext) throws -> JSONValue {
        let interruption = try existing(.interruption, context.param("id"), context)
        guard interruptionIsVisible(interruption) else { throw OctopusFailure.notFound }
        return interruption
    }

    func getInterruption(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(.interruption, try existingInterruption(context)))
    }

    func interruptionResponsible(_ context: RouteContext) throws -> SimResponse {
        let interruption = try existingInterruption(context)
        guard let userId = interruption["ResponsibleUserId"]?.stringValue, let user = store.document(.user, userId) else {
            return OctopusResponses.json(.null)
        }
        return OctopusResponses.json(render(.user, user))
    }

    func takeResponsibility(_ context: RouteContext) throws -> SimResponse {
        var interruption = try existingInterruption(context)
        guard interruptionView(interruption)["IsPending"]?.boolValue == true else {
            throw OctopusFailure.invalid("This interruption is no longer pending.")
        }
        interruption.set("ResponsibleUserId", "Users-1")
        interruption.set("HasResponsibility", true)
        store.insert(.interruption, interruption)
        guard let user = store.document(.user, "Users-1") else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.user, user))
    }

    /// `{"Result": "Proceed"|"Abort", "Notes": …}`; the caller must hold responsibility first.
    func submitInterruption(_ context: RouteContext) throws -> SimResponse {
        var interruption = try existingInterruption(context)
        guard interruptionView(interruption)["IsPending"]?.boolValue == true else {
            throw OctopusFailure.invalid("This interruption is no longer pending.")
        }
        guard interruption["HasResponsibility"]?.boolValue == true else {
            throw OctopusFailure.invalid("You must take responsibility for this interruption before you can submit it.")
        }
        let body = try context.body()
        let result = body["Result"]?.stringValue ?? ""
        guard result == "Proceed" || result == "Abort" else {
            throw OctopusFailure.invalid("Result must be 'Proceed' or 'Abort'.")
        }
        let time = now()
        if let record = interruptionTask(interruption) {
            store.updateTask(record.number) { $0.decision = InterventionDecision(proceed: result == "Proceed", at: time) }
        }
        var form = interruption["Form"] ?? .object([])
        var values = form["Values"] ?? .object([])
        values.set("Notes", body["Notes"] ?? .null)
        values.set("Result", .string(result))
        form.set("Values", values)
        interruption.set("Form", form)
        interruption.set("IsPending", false)
        store.insert(.interruption, interruption)
        return OctopusResponses.json(render(.interruption, interruption))
    }
}
