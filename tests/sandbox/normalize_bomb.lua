-- Escape attempt: mingle.normalize expands U+FDFA from 3 bytes to 33 (18
-- code points), far more work and memory than a scan of its argument.
local s = string.rep("\u{FDFA}", 8 * 1024 * 1024)	-- 24 MiB
return {
  score = function(a, b)
    return #mingle.normalize(s)
  end,
}
