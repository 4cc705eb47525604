-- The language server through Neovim's own LSP client, headless: start it, open sample files, and
-- check hover, definition, references and diagnostics the way a Neovim user gets them.
--
-- Run by test/nvim/run.sh (npm run test:nvim), which passes:
--   CORPUS_ROOT    a temporary copy of samples/ (the workspace root)
--   CORPUS_SERVER  the server to start, as a command line: "node /path/dist/server.js --stdio"
--   CORPUS_WAIT_MS how long each check waits for its answer (default 20000)
--
-- Written for Debian 12's Neovim 0.7, which has vim.lsp.start_client but not vim.lsp.start (0.8+);
-- both are supported. Prints one line per check and "N passed, N failed" last; exits 1 on failure.

local root = assert(os.getenv('CORPUS_ROOT'), 'CORPUS_ROOT is not set: run test/nvim/run.sh')
local server_cmd = vim.split(assert(os.getenv('CORPUS_SERVER'), 'CORPUS_SERVER is not set'), ' ', { trimempty = true })
local WAIT = tonumber(os.getenv('CORPUS_WAIT_MS') or '') or 20000

local CORPUS_FILE = root .. '/corpus/000_4e54959011ade41e.txt'
local CONFLICT_FILE = root .. '/variants/v01.txt'
-- A file of the reader's own (written below) where the engine takes a spa for an official (if it
-- stops making this mistake, the check fails on its first assertion: pick another).
local FALSE_PERSON_FILE = root .. '/corpus/reader-exercise.txt'
vim.fn.writefile({
  'date 2021-03-04',
  'The spa, known as Director Blue Lagoon, closed on Friday.',
}, FALSE_PERSON_FILE)
local ACRONYM, EXPANSION = 'PARP', 'Planning and Review Process'

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. '\n    ' .. tostring(err):gsub('\n', '\n    '))
  end
end

local function finish()
  out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
end

--- Calls `attempt` until it returns a non-nil value or WAIT ms pass; returns that value or nil.
local function poll(attempt, timeout)
  local value
  vim.wait(timeout or WAIT, function()
    value = attempt()
    return value ~= nil
  end, 100)
  return value
end

-- ---------------------------------------------------------------------------------------------
-- The client. Every message the server logs is kept for the readiness check and for failures.
local messages, stderr_lines = {}, {}
local exited -- set to "code N, signal M" when the server process ends
local function server_said()
  local said = table.concat(messages, '\n')
  if #stderr_lines > 0 then said = said .. '\nstderr: ' .. table.concat(stderr_lines, '\n') end
  return said ~= '' and said or '(nothing)'
end

local config = {
  name = 'corpus-annotator',
  cmd = server_cmd,
  root_dir = root,
  handlers = {
    ['window/logMessage'] = function(_, result)
      table.insert(messages, result.message)
    end,
    ['window/showMessage'] = function(_, result)
      table.insert(messages, result.message)
    end,
  },
  on_exit = function(code, signal)
    exited = string.format('code %s, signal %s', tostring(code), tostring(signal))
  end,
}

-- Neovim's client writes the server's stderr to its log; keep a copy here too.
local log_path = vim.lsp.get_log_path()

local function read_stderr_from_log()
  local f = io.open(log_path, 'r')
  if not f then return end
  for line in f:lines() do
    if line:find('stderr', 1, true) then table.insert(stderr_lines, line:sub(1, 300)) end
  end
  f:close()
end

vim.lsp.set_log_level('warn')

--- Opens `path` in a buffer with the `corpus` filetype (what a user's filetype rule gives it).
local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'corpus'
  return buf
end

local client_id
local server_ready = false

--- Starts the client on the current buffer (or attaches it), as vim.lsp.start would.
local function attach(buf)
  if client_id == nil then
    if vim.lsp.start then
      client_id = vim.lsp.start(config)
    else
      client_id = vim.lsp.start_client(config)
      if client_id then vim.lsp.buf_attach_client(buf, client_id) end
    end
  else
    vim.lsp.buf_attach_client(buf, client_id)
  end
  return client_id
end

--- 0-based LSP position of the `nth` whole word `word` on 1-based `line`: `character` counts UTF-16
--- units (LSP), `byte` counts bytes (Neovim's columns; they differ after a curly apostrophe).
local function find_word(buf, line, word, nth)
  local text = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
  local init, seen = 1, 0
  while true do
    local s, e = text:find(word, init, true)
    if not s then break end
    local before, after = text:sub(s - 1, s - 1), text:sub(e + 1, e + 1)
    if not before:match('[%w]') and not after:match('[%w]') then
      seen = seen + 1
      if seen == (nth or 1) then
        local _, utf16 = vim.str_utfindex(text, s - 1)
        return { line = line - 1, character = utf16, byte = s - 1 }
      end
    end
    init = e + 1
  end
  error(string.format('the sample has no "%s" on line %d', word, line))
end

local function first_line_with(buf, pattern)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    if text:find(pattern) then return i end
  end
  error('the sample has no line matching ' .. pattern)
end

--- One request through the client; returns the server's result (or nil) and an error text.
local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 5000)
  if not responses then return nil, tostring(err) end
  local response = responses[client_id]
  if not response then return nil, 'no answer' end
  if response.err then return nil, vim.inspect(response.err) end
  return response.result, nil
end

local function hover_text(result)
  if not result or not result.contents then return '' end
  local parts = {}
  local function add(c)
    if type(c) == 'string' then
      table.insert(parts, c)
    elseif type(c) == 'table' and c.value then
      table.insert(parts, c.value)
    elseif type(c) == 'table' then
      for _, item in ipairs(c) do add(item) end
    end
  end
  add(result.contents)
  return table.concat(parts, '\n')
end

-- ---------------------------------------------------------------------------------------------
local corpus_buf = open(CORPUS_FILE)

check('server starts and says it is ready', function()
  local id = attach(corpus_buf)
  assert(id, 'Neovim could not start the server: ' .. table.concat(server_cmd, ' '))
  local ready = poll(function()
    if exited then return false end
    local client = vim.lsp.get_client_by_id(id)
    if client and client.initialized then
      for _, m in ipairs(messages) do
        if m:lower():find('ready', 1, true) then return true end
      end
    end
    return nil
  end)
  if exited or not ready then read_stderr_from_log() end
  assert(not exited, 'the server exited (' .. tostring(exited) .. ') before it was ready; it said: ' .. server_said())
  assert(ready, string.format('the server was not ready within %d ms; it said: %s', WAIT, server_said()))
  server_ready = true
end)

local function alive()
  assert(not exited, 'the server is not running (' .. tostring(exited) .. '); it said: ' .. server_said())
  -- Without a ready server every later check would only wait out its time: fail at once.
  assert(server_ready, 'the server never said it was ready; it said: ' .. server_said())
end

check('hover on ' .. ACRONYM .. ' shows "' .. EXPANSION .. '"', function()
  alive()
  local position = find_word(corpus_buf, first_line_with(corpus_buf, '%f[%w]' .. ACRONYM .. '%f[%W]'), ACRONYM)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(corpus_buf) },
    position = { line = position.line, character = position.character },
  }
  local last, last_err = '', nil
  local found = poll(function()
    local result, err = request(corpus_buf, 'textDocument/hover', params)
    last, last_err = hover_text(result), err
    return last:find(EXPANSION, 1, true) and last or nil
  end)
  assert(found, string.format('hover at line %d, character %d: %s', position.line + 1, position.character,
    last_err or (last ~= '' and vim.inspect(last) or 'no hover')))
end)

check('definition (vim.lsp.buf.definition) on Hasanov, line 2, jumps to Zakir Hasanov on line 1', function()
  alive()
  local from = find_word(corpus_buf, 2, 'Hasanov')
  local target = find_word(corpus_buf, 1, 'Zakir')
  local target_end = find_word(corpus_buf, 1, 'Hasanov').byte + #'Hasanov'
  local landed
  local jumped = poll(function()
    vim.api.nvim_win_set_cursor(0, { from.line + 1, from.byte })
    vim.lsp.buf.definition()
    -- The handler jumps when the answer arrives: wait for the cursor to leave line 2.
    vim.wait(3000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= from.line + 1 end, 50)
    local cursor = vim.api.nvim_win_get_cursor(0)
    landed = cursor
    local on = cursor[1] == target.line + 1 and cursor[2] >= target.byte and cursor[2] <= target_end
    return on and cursor or nil
  end)
  assert(jumped, string.format('expected the cursor in "Zakir Hasanov" (line %d, columns %d-%d), it is at %s; buffer %s',
    target.line + 1, target.byte, target_end, vim.inspect(landed), vim.api.nvim_buf_get_name(0)))
end)

check('references on ' .. ACRONYM .. ' include every sample file that mentions it', function()
  alive()
  local expected = {}
  for _, file in ipairs(vim.fn.globpath(root, '**/*.txt', false, true)) do
    for _, text in ipairs(vim.fn.readfile(file)) do
      if text:find('%f[%w]' .. ACRONYM .. '%f[%W]') then
        expected[vim.uri_from_fname(file)] = true
        break
      end
    end
  end
  local position = find_word(corpus_buf, first_line_with(corpus_buf, '%f[%w]' .. ACRONYM .. '%f[%W]'), ACRONYM)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(corpus_buf) },
    position = { line = position.line, character = position.character },
    context = { includeDeclaration = true },
  }
  local missing, last_err
  local complete = poll(function()
    local result, err = request(corpus_buf, 'textDocument/references', params)
    last_err = err
    local got = {}
    for _, location in ipairs(result or {}) do got[location.uri] = true end
    missing = {}
    for uri in pairs(expected) do
      if not got[uri] then table.insert(missing, vim.uri_to_fname(uri):sub(#root + 2)) end
    end
    return #missing == 0 and true or nil
  end)
  assert(vim.tbl_count(expected) >= 5, 'the samples should mention ' .. ACRONYM .. ' in several files')
  assert(complete, 'references miss ' .. table.concat(missing or {}, ', ') .. (last_err and ('; ' .. last_err) or ''))
end)

check('diagnostics: variants/v01.txt gets a date-conflict on its 1998 with related information', function()
  alive()
  local buf = open(CONFLICT_FILE)
  attach(buf)
  local line = first_line_with(buf, ACRONYM .. '.*%f[%d]1998%f[%D]')
  local year = find_word(buf, line, '1998')
  local shown
  local conflict = poll(function()
    shown = vim.diagnostic.get(buf)
    for _, d in ipairs(shown) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'date-conflict' and d.lnum == year.line then return d end
    end
    return nil
  end)
  assert(conflict, string.format('no date-conflict on line %d; diagnostics: %s', line,
    vim.inspect(vim.tbl_map(function(d) return { d.lnum + 1, d.col, d.code, d.message } end, shown or {}))))
  assert(conflict.severity == vim.diagnostic.severity.WARN, 'a date conflict is a warning: ' .. vim.inspect(conflict.severity))
  -- vim.diagnostic columns are bytes (Neovim converts from the server's UTF-16).
  assert(conflict.col <= year.byte and (conflict.end_col or conflict.col) >= year.byte,
    string.format('the conflict covers byte columns %d-%s, not the 1998 at %d', conflict.col, tostring(conflict.end_col), year.byte))
  local related = conflict.user_data and conflict.user_data.lsp and conflict.user_data.lsp.relatedInformation or {}
  assert(#related > 0, 'the conflict has no related information')
  for _, r in ipairs(related) do
    assert(r.location.uri ~= vim.uri_from_bufnr(buf), 'related information points at another file: ' .. vim.inspect(r))
  end
end)

-- ---------------------------------------------------------------------------------------------
-- The readers' annotations: code actions on a selection and at a mention, run the way Neovim runs
-- them, and the hover that shows what they left. The note's text is asked with vim.ui.input by
-- the client-side command the README gives (Neovim has no LSP request for free text).
local NOTE = 'Checked against the 1997 minutes'
vim.lsp.commands['corpusAnnotator.addNote'] = function(command, ctx)
  local args = command.arguments[1]
  vim.ui.input({ prompt = 'Note: ' }, function(text)
    if not text or text == '' then return end
    args.text = text
    vim.lsp.buf_request(ctx.bufnr, 'workspace/executeCommand', { command = command.command, arguments = { args } })
  end)
end

--- Runs a code action as Neovim's code_action handler does: a client command, else the server's.
local function run_action(buf, action)
  local command = action.command
  local fn = vim.lsp.commands[command.command]
  if fn then
    fn(command, { bufnr = buf, client_id = client_id })
  else
    local client = vim.lsp.get_client_by_id(client_id)
    client.request('workspace/executeCommand', { command = command.command, arguments = command.arguments }, function() end, buf)
  end
end

local function code_actions(buf, range, only_diagnostics)
  local result, err = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = only_diagnostics or {} },
  })
  return result or {}, err
end

local function titled(actions, title)
  for _, a in ipairs(actions) do
    if a.title == title then return a end
  end
  return nil
end

local function titles(actions)
  return table.concat(vim.tbl_map(function(a) return a.title end, actions), ' | ')
end

check('code actions on a selection of ' .. ACRONYM .. ': add a note, tag it with the corpus\'s tags', function()
  alive()
  local at = find_word(corpus_buf, first_line_with(corpus_buf, '%f[%w]' .. ACRONYM .. '%f[%W]'), ACRONYM)
  local range = { start = { line = at.line, character = at.character }, ['end'] = { line = at.line, character = at.character + #ACRONYM } }
  local actions, err = code_actions(corpus_buf, range)
  assert(titled(actions, 'Add note on “' .. ACRONYM .. '”…'), 'no "Add note": ' .. (err or titles(actions)))
  assert(titled(actions, 'Tag “' .. ACRONYM .. '” as “claim”'), 'no "Tag as claim": ' .. titles(actions))
end)

check('"Add note" through its code action: the hover on ' .. ACRONYM .. ' shows the note', function()
  alive()
  local at = find_word(corpus_buf, first_line_with(corpus_buf, '%f[%w]' .. ACRONYM .. '%f[%W]'), ACRONYM)
  local range = { start = { line = at.line, character = at.character }, ['end'] = { line = at.line, character = at.character + #ACRONYM } }
  local action = titled(code_actions(corpus_buf, range), 'Add note on “' .. ACRONYM .. '”…')
  assert(action, 'no "Add note" action')
  local input = vim.ui.input
  vim.ui.input = function(_, on_confirm) on_confirm(NOTE) end
  local ok, err = pcall(run_action, corpus_buf, action)
  vim.ui.input = input
  assert(ok, tostring(err))
  local params = { textDocument = { uri = vim.uri_from_bufnr(corpus_buf) }, position = { line = at.line, character = at.character + 1 } }
  local last = ''
  local shown = poll(function()
    last = hover_text((request(corpus_buf, 'textDocument/hover', params)))
    return last:find(NOTE, 1, true) and last:find(EXPANSION, 1, true) and true or nil
  end)
  assert(shown, 'the hover does not show the note and the expansion: ' .. vim.inspect(last))
  local store = root .. '/.annotations/corpus/' .. vim.fn.fnamemodify(CORPUS_FILE, ':t') .. '.jsonl'
  local written = poll(function()
    if vim.fn.filereadable(store) ~= 1 then return nil end
    return table.concat(vim.fn.readfile(store), '\n'):find(NOTE, 1, true) and true or nil
  end)
  assert(written, 'the store ' .. store .. ' does not hold the note')
end)

check('"Correct: … is not an entity" at a false person: the hover no longer calls it a person', function()
  alive()
  local buf = open(FALSE_PERSON_FILE)
  attach(buf)
  local at = find_word(buf, 2, 'Blue')
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = at.line, character = at.character + 1 } }
  local before = poll(function()
    local text = hover_text((request(buf, 'textDocument/hover', params)))
    return (text:find('· person', 1, true) or text:find('· official', 1, true)) and text or nil
  end)
  assert(before, 'the engine should take "Blue Lagoon" for a person first')
  local cursor = { start = { line = at.line, character = at.character + 1 }, ['end'] = { line = at.line, character = at.character + 1 } }
  local action = titled(code_actions(buf, cursor), 'Correct: “Blue Lagoon” is not an entity')
  assert(action, 'no "not an entity" action: ' .. titles(code_actions(buf, cursor)))
  run_action(buf, action)
  local last = ''
  local gone = poll(function()
    last = hover_text((request(buf, 'textDocument/hover', params)))
    return (not last:find('· person', 1, true)) and (not last:find('· official', 1, true))
      and last:find('not an entity', 1, true) and true or nil
  end)
  assert(gone, 'after the correction the hover still says: ' .. vim.inspect(last))
end)

if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exited ~= nil end, 50)
end
finish()
