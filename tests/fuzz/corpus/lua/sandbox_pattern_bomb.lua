-- Escape attempt: a pattern that backtracks for ages inside one C call,
-- where no count hook runs.
return {
  score = function(a, b)
    local s = string.rep("a", 40)
    return #(s:find(string.rep("a?", 40) .. s) or "")
  end,
}
