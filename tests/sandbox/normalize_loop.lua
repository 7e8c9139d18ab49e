-- Escape attempt: long C calls with hardly a VM instruction between them,
-- so the count hook never runs.
local s = string.rep("\u{FDFA}", 1024 * 1024)	-- 3 MiB
return {
  score = function(a, b)
    local n = 0
    for i = 1, 40 do n = n + #mingle.normalize(s) end
    return n
  end,
}
