-- Escape attempt: load a C module or a library through require.
return {
  score = function(a, b)
    local ffi = require("io")
    return 0
  end,
}
