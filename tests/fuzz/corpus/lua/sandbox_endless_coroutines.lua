-- Escape attempt: create coroutines forever.
return {
  score = function(a, b)
    local n = 0
    while true do
      local co = coroutine.wrap(function() coroutine.yield(1) end)
      n = n + co()
    end
  end,
}
