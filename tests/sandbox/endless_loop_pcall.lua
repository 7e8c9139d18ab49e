-- Escape attempt: never return, catching the limit error each time.
return {
  score = function(a, b)
    while true do
      pcall(function() while true do end end)
      xpcall(function() while true do end end, function() return 0 end)
    end
  end,
}
