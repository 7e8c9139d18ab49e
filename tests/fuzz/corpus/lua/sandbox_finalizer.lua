-- Escape attempt: run code from a finalizer, outside any call's limits.
return {
  score = function(a, b)
    setmetatable({}, { __gc = function() while true do end end })
    return 0
  end,
}
