-- Escape attempt: recurse until the C stack breaks.
local function down(n)
  return down(n + 1) + 1
end
return {
  score = function(a, b)
    return down(1)
  end,
}
