-- Escape attempt: make bytecode with string.dump.
return {
  score = function(a, b)
    local code = string.dump(function() return 1 end)
    return #code
  end,
}
