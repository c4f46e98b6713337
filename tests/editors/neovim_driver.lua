-- Run by tests/editors/test_neovim.py inside `nvim --headless -u <docs/editors.md's snippet>`,
-- with the report as the current buffer. It does what a user does — waits for govlint's
-- findings, picks a quick fix from the code-action menu, runs fix all, saves — and writes what
-- it saw to $GOVLINT_NVIM_RESULT as JSON. Every wait is bounded; any error is recorded and
-- Neovim quits, so the test never hangs on this side.

local result = { steps = {} }
local wait_ms = tonumber(vim.env.GOVLINT_NVIM_WAIT_MS) or 30000
local buf = vim.api.nvim_get_current_buf()

local function step(name)
  table.insert(result.steps, name)
end

local function wait_for(what, condition)
  if not vim.wait(wait_ms, condition, 20) then
    error(string.format("timed out after %d ms waiting for %s", wait_ms, what), 0)
  end
end

-- Every publishDiagnostics of this buffer, to tell a fresh run from the last one (the server
-- may publish an empty list, which vim.diagnostic alone cannot tell from "not yet").
local published = {}
local show = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
  if params and vim.uri_to_bufnr(params.uri) == buf then
    table.insert(published, { version = params.version })
  end
  return show(err, params, ctx, config)
end

-- The document version Neovim last sent the server (0.7–0.10 keep it in buf_versions).
local function sent_version()
  local versions = vim.lsp.util.buf_versions
  return versions and versions[buf] or vim.api.nvim_buf_get_changedtick(buf)
end

local function fresh_publish(after)
  return function()
    local last = published[#published]
    return #published > after and last.version == sent_version()
  end
end

local function codes()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))
  end
  table.sort(seen)
  return seen
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code) then
      return d
    end
  end
end

-- The code-action menu: record its entries and pick as a user would — the preferred fix, or
-- the only entry. Items are {client_id, action} up to 0.9 and {ctx=, action=} from 0.10.
local menus = {}
local chosen = 0
vim.ui.select = function(items, _, on_choice)
  local titles, pick = {}, nil
  for i, item in ipairs(items) do
    local action = item.action or item[2]
    table.insert(titles, action.title)
    if pick == nil and action.isPreferred then
      pick = i
    end
  end
  table.insert(menus, titles)
  if pick == nil and #items == 1 then
    pick = 1
  end
  chosen = chosen + 1
  if pick == nil then
    on_choice(nil, nil)
  else
    on_choice(items[pick], pick)
  end
end

local function run()
  result.nvim = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch
  local path = vim.api.nvim_buf_get_name(buf)

  step("diagnostics when the report is opened")
  wait_for("GL106 and GL501", function()
    return find("GL106") ~= nil and find("GL501") ~= nil
  end)
  result.opened = codes()
  result.clients = {}
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(attached) do
    table.insert(result.clients, client.name)
  end

  step("quick fix for GL106 from the code-action menu")
  local misspelt = find("GL106")
  vim.api.nvim_win_set_cursor(0, { misspelt.lnum + 1, misspelt.col })
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  local count = #published
  vim.cmd("lua vim.lsp.buf.code_action()")
  wait_for("the code-action menu", function()
    return chosen == 1
  end)
  wait_for("the quick fix's edit", function()
    return vim.api.nvim_buf_get_changedtick(buf) ~= tick
  end)
  wait_for("diagnostics of the edited text", fresh_publish(count))
  result.menu = menus[1]
  result.after_quick_fix = codes()

  step("fix all")
  local fix_all = vim.fn.has("nvim-0.8") == 1 and vim.env.GOVLINT_FIX_ALL_08 or vim.env.GOVLINT_FIX_ALL_07
  tick = vim.api.nvim_buf_get_changedtick(buf)
  count = #published
  vim.cmd(fix_all)
  wait_for("the fix-all edit", function()
    return vim.api.nvim_buf_get_changedtick(buf) ~= tick
  end)
  wait_for("diagnostics after fix all", fresh_publish(count))
  result.after_fix_all = codes()

  step("save")
  result.disk_before_save = table.concat(vim.fn.readfile(path), "\n")
  count = #published
  vim.cmd("write")
  wait_for("diagnostics after saving", function()
    return #published > count
  end)
  result.after_save = codes()
  result.modified = vim.bo[buf].modified
end

local ok, err = pcall(run)
if not ok then
  result.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.GOVLINT_NVIM_RESULT)
vim.cmd("qall!")
