-- A wrk script for bench/run: the requests of one load scenario, read from a file and sent in turn.
--
--   wrk -t2 -c16 -d10s --latency -s bench/run-requests.lua http://127.0.0.1:PORT -- REQUESTS_FILE
--
-- REQUESTS_FILE has one request a line, five fields separated by tabs: method, path, cookie, CSRF token, body
-- (empty fields are left out: no Cookie, no X-CSRF-Token, no body). A body is sent as application/json.
-- Each thread starts at another line, so the mix is the same from the first second on. wrk counts the answers
-- that are not 2xx/3xx ("Non-2xx or 3xx responses") and the socket errors itself.

local requests = {}
local lines = 0
local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
end

function init(args)
    local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
    for line in file:lines() do
        local method, path, cookie, csrf, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
        assert(method, "bad line in " .. args[1] .. ": " .. line)
        local headers = {}
        if cookie ~= "" then headers["Cookie"] = cookie end
        if csrf ~= "" then headers["X-CSRF-Token"] = csrf end
        if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
        table.insert(requests, wrk.format(method, path, headers, body))
    end
    file:close()
    lines = #requests
    assert(lines > 0, "no requests in " .. args[1])
    -- thread_number is set by setup() before init() runs in the thread
    next_request = (thread_number or 1) - 1
end

function request()
    next_request = next_request % lines + 1
    return requests[next_request]
end
