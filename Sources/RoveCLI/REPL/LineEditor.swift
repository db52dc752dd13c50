// Line input for the REPL: libedit on a terminal, plain lines otherwise. The only importer of CEditLine.

import CEditLine
import RoveCore
import RoveHost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads REPL input with editing, history, reverse search (^R) and Tab completion.
///
/// libedit is a process-wide C library driven through callbacks that cannot capture context, so
/// one editor at a time is `active` and the callbacks reach it there. When standard input is not
/// a terminal, libedit is never touched: lines are read plainly from `plainInput`.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C at the prompt: the line being typed is abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of piped input.
        case end
    }

    /// Whether lines come from a person at a terminal (libedit) rather than a pipe.
    let isTerminal: Bool
    private let plainInput: TextInput
    private let history: HistoryFile
    private var historyIsWritable = false
    private var lastEntry: String?
    /// What Tab offers for the text before the cursor.
    var complete: (String) -> Completion = { _ in .none }

    /// Written by `abandonLine()` to wake the read blocked in `nextByte()`.
    private var wakePipe: (read: Int32, write: Int32) = (-1, -1)
    private var wasInterrupted = false

    nonisolated(unsafe) private static var active: LineEditor?
    nonisolated(unsafe) private static var isConfigured = false

    init(isTerminal: Bool, outputIsTerminal: Bool, plainInput: TextInput, history: HistoryFile) {
        self.isTerminal = isTerminal
        self.plainInput = plainInput
        self.history = history
        guard isTerminal else { return }
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            wakePipe = (descriptors[0], descriptors[1])
            _ = fcntl(wakePipe.read, F_SETFL, fcntl(wakePipe.read, F_GETFL) | O_NONBLOCK)
        }
        Self.configureLibedit(outputIsTerminal: outputIsTerminal)
        loadHistory()
    }

    deinit {
        if Self.active === self { Self.active = nil }
        if wakePipe.read >= 0 {
            close(wakePipe.read)
            close(wakePipe.write)
        }
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        guard isTerminal else { return plainInput.readLine().map(Input.line) ?? .end }
        drainWakePipe()
        wasInterrupted = false
        Self.active = self
        let cookedMode = Self.leaveCanonicalMode()
        defer { cookedMode.map(Self.restore) }
        let raw = readline(prompt)
        defer { free(raw) }
        if wasInterrupted { return .interrupted }
        guard let raw else { return .end }
        return .line(String(cString: raw))
    }

    /// Adds `entry` (possibly several lines) to the history and saves the history file, unless
    /// it repeats the previous entry. Whether it may be kept at all is the REPL's to decide
    /// (`HistoryFile.shouldRemember`).
    func remember(_ entry: String) {
        guard isTerminal, entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        // Saved at every entry, not at exit, so a killed session loses nothing.
        if historyIsWritable, let path = history.path { write_history(path) }
    }

    /// Abandons the line being edited. Called from the interrupt watcher thread.
    func abandonLine() {
        guard wakePipe.write >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    // MARK: Terminal modes

    /// libedit prints the prompt first and leaves canonical mode only when it reads the first key,
    /// after the terminal has drained the prompt. A key typed in between is still cooked: echoed
    /// twice, and a Ctrl-D turns into a stray NUL byte. Turning canonical mode and echo off before
    /// the prompt closes that window. Returns the mode to restore afterwards.
    private static func leaveCanonicalMode() -> termios? {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var early = saved
        early.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &early.c_cc) { characters in
            characters[Int(VMIN)] = 1  // read(2) waits for one byte rather than returning none
            characters[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &early)
        return saved
    }

    private static func restore(_ mode: termios) {
        var mode = mode
        tcsetattr(0, TCSANOW, &mode)
    }

    // MARK: libedit set-up

    private static func configureLibedit(outputIsTerminal: Bool) {
        guard !isConfigured else { return }
        isConfigured = true
        useUTF8Locale()
        rl_readline_name = UnsafePointer(strdup("rove"))
        // Prompts and echo must not land in piped output (`rove | tee log` on a terminal).
        if !outputIsTerminal { rl_outstream = stderr }
        // libedit's own signal handlers save and restore ours around each read, per thread, and
        // crash when a signal reaches another thread in between; Ctrl-C is ours alone.
        rl_catch_signals = 0
        rl_getc_function = readCharacter
        rl_attempted_completion_function = complete
        // A chain (`octopus.Pro`, `octopus["Auth`) is one word: completion may rewrite all of it.
        rl_basic_word_break_characters = UnsafePointer(strdup(TabCompletion.wordBreaks))
        rl_completer_word_break_characters = strdup(TabCompletion.wordBreaks)
        rl_completion_append_character = 0
        stifle_history(Int32(HistoryFile.capacity))
        // Initialise now, while the terminal is in the mode the person set up: libedit keeps
        // it as the mode to return to after each line.
        rl_initialize()
    }

    /// libedit turns wide characters into bytes with the C library's locale, which is "C" (ASCII)
    /// in a Swift program; without a UTF-8 locale, typing `café` would garble the line.
    private static func useUTF8Locale() {
        for name in ["", "C.UTF-8", "en_US.UTF-8"] {
            if let set = setlocale(LC_CTYPE, name) {
                let value = String(cString: set).lowercased()
                if value.contains("utf-8") || value.contains("utf8") { return }
            }
        }
    }

    private func loadHistory() {
        using_history()
        historyIsWritable = history.prepare()
        if historyIsWritable, let path = history.path { read_history(path) }
    }

    // MARK: Reading characters

    /// libedit's character source: one Unicode scalar per call, -1 to end the line read.
    private static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        active?.nextCharacter() ?? -1
    }

    private func nextCharacter() -> Int32 {
        guard let lead = nextByte() else { return -1 }
        // ETX arrives as a byte only when the terminal does not turn it into SIGINT itself.
        if lead == 0x03 {
            wasInterrupted = true
            return -1
        }
        if lead < 0x80 { return Int32(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var bytes = [lead]
        while bytes.count < length, let next = nextByte() { bytes.append(next) }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first
        return Int32(bitPattern: scalar?.value ?? 0xFFFD)
    }

    /// The next byte of standard input, or nil at its end or when the line is abandoned.
    private func nextByte() -> UInt8? {
        var descriptors = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if wasInterrupted { return nil }
            let ready = poll(&descriptors, nfds_t(wakePipe.read >= 0 ? 2 : 1), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                drainWakePipe()
                wasInterrupted = true
                return nil
            }
            if descriptors[0].revents != 0 {
                var byte: UInt8 = 0
                let count = systemRead(0, &byte, 1)
                if count == 1 { return byte }
                if count < 0 && errno == EINTR { continue }
                return nil
            }
        }
    }

    private func drainWakePipe() {
        guard wakePipe.read >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while systemRead(wakePipe.read, &bytes, bytes.count) > 0 {}
    }

    // MARK: Completion

    /// libedit's completion hook. Every answer is shaped as a single match, so libedit inserts
    /// it and never lists candidates itself: its own listing waits on standard input for a
    /// "y or n" past 100 of them. The candidates are listed here instead, on the first Tab.
    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
            // Never fall back to completing file names: they are not Rove names.
            rl_attempted_completion_over = 1
            guard let editor = active, let text else { return nil }
            let word = String(cString: text)
            let line = rl_line_buffer.map { String(cString: $0) } ?? word
            let beforeCursor = String(decoding: line.utf8.prefix(Int(max(rl_point, 0))), as: UTF8.self)
            let completion = editor.complete(beforeCursor)
            if completion.candidates.count > 1 { showListing(completion.candidates) }
            guard let replacement = TabCompletion.replacement(forWord: word, completion) else { return nil }
            guard let matches = malloc(3 * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
                .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self) else { return nil }
            matches[0] = strdup(replacement)
            matches[1] = strdup(replacement)
            matches[2] = nil
            return matches
        }

    /// Lists candidates under the line being edited, then draws the prompt and line again below.
    private static func showListing(_ candidates: [Completion.Candidate]) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        rl_get_screen_size(&rows, &columns)
        let listing = "\n" + TabCompletion.listing(candidates, width: columns > 0 ? Int(columns) : 80)
        let stream = rl_outstream ?? stdout
        fputs(listing, stream)
        fflush(stream)
        rl_forced_update_display()
    }
}

/// read(2), which `LineEditor.read(prompt:)` would otherwise hide inside the class.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
