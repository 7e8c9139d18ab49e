-- Escape attempt: change what string methods do, for every later call.
return {
  score = function(a, b)
    getmetatable("").__index = { upper = function() return "owned" end }
    return 0
  end,
}
