-- The README's Neovim snippet, run exactly as a user pastes it into init.lua: it is read from
-- README.md (the ```lua block of the section "Neovim and other editors") and executed as is.
-- `~/corpus-annotator/dist/server.js` in it resolves to the build: run.sh sets HOME to a
-- temporary folder where that path links to dist/.
--
-- Run by test/nvim/run.sh, which passes:
--   README_PATH    the README.md to read the snippet from
--   CORPUS_ROOT    a temporary copy of samples/ (a corpus: it holds corpus-annotator.json)
--   PLAIN_FILE     a .txt file outside any corpus
--   CORPUS_WAIT_MS how long each check waits (default 20000)
-- Prints one line per check and "N passed, N failed" last; exits 1 on failure.

local readme_path = assert(os.getenv('README_PATH'), 'README_PATH is not set: run test/nvim/run.sh')
local root = assert(os.getenv('CORPUS_ROOT'), 'CORPUS_ROOT is not set')
local plain_file = assert(os.getenv('PLAIN_FILE'), 'PLAIN_FILE is not set')
local WAIT = tonumber(os.getenv('CORPUS_WAIT_MS') or '') or 20000

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - readme snippet: ' .. name)
  else
    failed = failed + 1
    out('not ok - readme snippet: ' .. name .. '\n    ' .. tostring(err):gsub('\n', '\n    '))
  end
end

--- The first ```lua block after the heading that names Neovim.
local function snippet()
  local lines, inside, after_heading = {}, false, false
  for line in io.lines(readme_path) do
    if line:match('^## Neovim') then after_heading = true end
    if after_heading and not inside and line:match('^```lua') then
      inside = true
    elseif inside and line:match('^```') then
      return table.concat(lines, '\n')
    elseif inside then
      table.insert(lines, line)
    end
  end
  error('README.md has no ```lua block under a "## Neovim" heading')
end

--- The clients attached to `buf` (listed once they have initialised: wait for them).
local function attached_clients(buf)
  local all = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  local ids = {}
  for _, client in ipairs(all) do
    if vim.lsp.buf_is_attached(buf, client.id) then table.insert(ids, client.id) end
  end
  return ids
end

local code
check('the README has it, and it loads', function()
  code = snippet()
  local chunk, err = (loadstring or load)(code, 'README snippet')
  assert(chunk, err)
  chunk()
end)

local corpus_file = root .. '/corpus/000_4e54959011ade41e.txt'
local buf

check('a corpus file gets the server, which answers a hover', function()
  assert(code, 'no snippet')
  vim.cmd('edit ' .. vim.fn.fnameescape(corpus_file))
  buf = vim.api.nvim_get_current_buf()
  local ids = {}
  vim.wait(WAIT, function()
    ids = attached_clients(buf)
    return #ids > 0
  end, 100)
  assert(#ids == 1, 'clients attached to the corpus file: ' .. #ids)
  local id = ids[1]
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
  local line, col
  for i, text in ipairs(lines) do
    local s = text:find('%f[%w]PARP%f[%W]')
    if s then
      line, col = i - 1, s - 1
      break
    end
  end
  assert(line, 'the sample has no PARP')
  local _, utf16 = vim.str_utfindex(lines[line + 1], col)
  local text = ''
  vim.wait(WAIT, function()
    local client = vim.lsp.get_client_by_id(id)
    if not (client and client.initialized) then return false end
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line, character = utf16 },
    }, 5000)
    local result = responses and responses[id] and responses[id].result
    local contents = result and result.contents
    text = type(contents) == 'table' and (contents.value or '') or tostring(contents or '')
    return text:find('Planning and Review Process', 1, true) ~= nil
  end, 200)
  assert(text:find('Planning and Review Process', 1, true), 'hover on PARP: ' .. vim.inspect(text))
end)

check('a second corpus file shares the same server', function()
  assert(buf, 'no first buffer')
  local first = attached_clients(buf)[1]
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/variants/v01.txt'))
  local ids = attached_clients(vim.api.nvim_get_current_buf()) -- the server is up: at once
  assert(#ids == 1 and ids[1] == first, 'clients: ' .. vim.inspect(ids) .. ', first: ' .. tostring(first))
end)

check('a .txt file outside any corpus gets no server', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(plain_file))
  -- a client started for it would be listed within a second or two, as the first one was
  local other = vim.api.nvim_get_current_buf()
  local ids = {}
  vim.wait(2000, function()
    ids = attached_clients(other)
    return #ids > 0
  end, 100)
  assert(#ids == 0, 'clients attached to ' .. plain_file .. ': ' .. #ids)
end)

for _, client in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
  client.stop()
end
vim.wait(3000, function() return #(vim.lsp.get_clients or vim.lsp.get_active_clients)() == 0 end, 50)
out(string.format('%d passed, %d failed', passed, failed))
vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
