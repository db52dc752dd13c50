// The one checkpoint: where an interrupt or any limit stops a running script.

/// What the current run has spent of its limits, and when it next looks.
struct RunBudget {
    var limits: Limits
    /// Steps counted at reviews so far.
    var stepsTaken = 0
    /// The steps the last review granted: the checkpoint counts them down in `stepsUntilReview`,
    /// so `stepsGranted - stepsUntilReview` have been taken since.
    var stepsGranted = 0
    /// The host clock's reading at which the run's time is up.
    var deadline: Double?
    /// `Host.memoryInUse` when the run started: the run is charged what it adds.
    var memoryBaseline: Int
    /// What the run may add: its memory limit, or the host's ceiling.
    var memoryAllowance: Int
    /// Bytes `reserveMemory` was told of since memory was last measured.
    var unmeasuredBytes = 0
    /// Reviews left before the next measurement of memory.
    var reviewsUntilMeasure = Interpreter.reviewsPerMeasure

    init(limits: Limits, host: Host) {
        self.limits = limits
        deadline = limits.time.map { host.now() + $0 }
        memoryBaseline = host.memoryInUse()
        memoryAllowance = limits.memory ?? host.memoryCeiling
    }

    /// The steps until the next review, at most `Interpreter.reviewInterval` and never past
    /// the step limit, so that limit is exact.
    mutating func grant() -> Int {
        let remaining = limits.steps.map { $0 &- stepsTaken } ?? Interpreter.reviewInterval
        stepsGranted = min(Interpreter.reviewInterval, max(remaining, 0))
        return stepsGranted
    }
}

extension Interpreter {
    /// Steps between reviews of the clock, the step count and memory: each review costs a
    /// clock reading, so the checkpoint itself stays a decrement and a load.
    static let reviewInterval = 1024
    /// Memory is measured every this many reviews (a system call), and sooner when values of
    /// more than `measureAfterBytes` have been made since the last measurement.
    static let reviewsPerMeasure = 4
    static let measureAfterBytes = 1 << 20

    /// The one place a running script is stopped: every loop iteration, call and wait, and
    /// every builtin that iterates, pass through here. An interrupt is noticed at once; the
    /// step, time and memory limits every `reviewInterval` steps.
    @inline(__always)
    func checkpoint(at location: SourceLocation?) throws {
        try checkpoint(walking: 1, at: location)
    }

    /// The checkpoint of a builtin about to walk `items` values in native code (`contains`,
    /// `join`, `sum`): they count as that many steps, so a step limit bounds them too.
    @inline(__always)
    func checkpoint(walking items: Int, at location: SourceLocation?) throws {
        stepsUntilReview &-= items
        if stepsUntilReview < 0 || interruptHandle.requested.load(ordering: .relaxed) {
            try review(at: location)
        }
    }

    /// Stops the run if it was interrupted or has reached a limit: what long-running host work
    /// (a provider's wait, a host function's loop) calls between its own steps. It also reads
    /// the clock, which the step countdown would not do for a while: a wait may have used up
    /// the run's time in one step.
    public func checkpoint() throws {
        try checkpoint(at: nil)
        if let deadline = budget.deadline, host.now() >= deadline { throw timeLimitReached(at: nil) }
    }

    /// The limits of the run under way (or of the last one): what host code that spends on the
    /// run's behalf, such as the providers counting requests, reads.
    public var runLimits: Limits { budget.limits }

    /// Whether a wait should end now: an interrupt is pending or the run's time is up. Host
    /// code that blocks (an HTTP wait, a sleep) polls this, then calls `checkpoint()` to raise
    /// the error that says why.
    public var shouldStop: Bool {
        interruptHandle.isInterrupted || budget.deadline.map { host.now() >= $0 } ?? false
    }

    /// The seconds left before the run's time limit, if it has one: a sleep never outlasts it.
    var secondsLeft: Double? {
        budget.deadline.map { max(0, $0 - host.now()) }
    }

    @inline(never)
    private func review(at location: SourceLocation?) throws {
        if interruptHandle.requested.load(ordering: .relaxed) { throw interruption(at: location) }
        if stepsUntilReview >= 0 { return }
        budget.stepsTaken &+= budget.stepsGranted &- stepsUntilReview
        if let steps = budget.limits.steps, budget.stepsTaken > steps {
            throw Diagnostic(.limit, "step limit of \(steps) reached", at: location)
        }
        if let deadline = budget.deadline, host.now() >= deadline {
            throw timeLimitReached(at: location)
        }
        budget.reviewsUntilMeasure -= 1
        if budget.reviewsUntilMeasure < 0 {
            budget.reviewsUntilMeasure = Self.reviewsPerMeasure
            budget.unmeasuredBytes = 0
            try measureMemory(adding: 0, at: location)
        }
        stepsUntilReview = budget.grant()
    }

    /// Tells the memory limit that a value of about `bytes` is about to be made: a long string,
    /// a list, a decoded body. Large ones are measured against the limit before they exist, so
    /// a value that could not be allocated is a `limit` error instead of a crash.
    @inline(__always)
    public func reserveMemory(_ bytes: Int) throws {
        if bytes < Self.measureAfterBytes {
            // Both below a megabyte, so the sum cannot overflow.
            budget.unmeasuredBytes &+= Swift.max(0, bytes)
            if budget.unmeasuredBytes < Self.measureAfterBytes { return }
        }
        budget.unmeasuredBytes = 0
        try measureMemory(adding: bytes, at: nil)
    }

    /// Called before appending to `items`: a full list reallocates at twice its size, which the
    /// memory limit hears of first, so growing lists are charged even where the host's gauge
    /// cannot see them.
    @inline(__always)
    func reserveRoom(in items: List) throws {
        try reserveRoom(count: items.count, capacity: items.capacity)
    }

    @inline(__always)
    func reserveRoom(in items: [Value]) throws {
        try reserveRoom(count: items.count, capacity: items.capacity)
    }

    @inline(__always)
    private func reserveRoom(count: Int, capacity: Int) throws {
        if count == capacity {
            try reserveMemory(Swift.max(capacity, 16) &* 2 &* MemoryLayout<Value>.stride)
        }
    }

    /// Refuses a list or object nested past the run's limit. Every place that builds one from
    /// script values calls this (literals, element and field assignment, builtin results, the
    /// in-place list methods); a value keeps its nesting, so it is a load and a compare.
    @inline(__always)
    func checkNesting(of value: Value, at location: SourceLocation? = nil) throws {
        if value.nesting > budget.limits.nesting,
           value.recountedNesting(within: budget.limits.nesting) > budget.limits.nesting {
            throw nestingLimitReached(at: location)
        }
    }

    @inline(never)
    private func nestingLimitReached(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.limit, "nesting limit of \(budget.limits.nesting) levels reached", at: location)
    }

    private func measureMemory(adding bytes: Int, at location: SourceLocation?) throws {
        let added = max(0, host.memoryInUse() &- budget.memoryBaseline)
        guard bytes > budget.memoryAllowance || added > budget.memoryAllowance - bytes else { return }
        let limit = budget.memoryAllowance
        throw Diagnostic(.limit, "memory limit of \(Limits.describe(bytes: limit)) reached", at: location)
    }

    func timeLimitReached(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.limit, "time limit of \(Limits.describe(seconds: budget.limits.time ?? 0)) reached", at: location)
    }

    /// The limit that really stopped a run which ended `interrupted`: a wait (HTTP, a host's
    /// sleep) that `shouldStop` cut short reports an interrupt, whoever asked for it.
    func limitBehind(_ stopped: Diagnostic) -> Diagnostic? {
        var limit: Diagnostic
        if let reason = interruptHandle.takeLimitReached() {
            limit = Diagnostic(.limit, reason, at: stopped.location)
        } else if let deadline = budget.deadline, host.now() >= deadline {
            limit = timeLimitReached(at: stopped.location)
        } else {
            return nil
        }
        limit.trace = stopped.trace
        return limit
    }

    func interruption(at location: SourceLocation?) -> Diagnostic {
        interruptHandle.requested.store(false, ordering: .relaxed)
        if let reason = interruptHandle.takeLimitReached() { return Diagnostic(.limit, reason, at: location) }
        return Diagnostic(.interrupted, "interrupted", at: location)
    }

    /// Runs `body` as one run under `limits`: its steps and time count from here, its memory
    /// from what the process holds now. A run inside a run (a host function calling back)
    /// spends the outer run's budget.
    func spending<Result>(_ limits: Limits, _ body: () throws -> Result) rethrows -> Result {
        if isRunning { return try body() }
        isRunning = true
        runNumber &+= 1
        budget = RunBudget(limits: limits, host: host)
        stepsUntilReview = budget.grant()
        defer {
            // Between runs nothing is counted and no deadline is pending.
            isRunning = false
            budget.deadline = nil
            stepsUntilReview = Int.max
        }
        return try body()
    }
}
