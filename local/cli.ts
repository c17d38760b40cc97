console.log('dtts cli placeholder');
